import "server-only";
import { and, asc, count, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "../engine/types";
import { likeAnyCase } from "../engine/portable-sql";
import { beneficiaries, beneficiaryServices, locations, serviceTypes } from "../tables";
import { AccessDeniedError } from "../errors";
import { dbOf, may, type QueryContext } from "../users/viewer";

/** Whether the viewer may see individual records of the project: its managers and admins only. */
export async function seesIndividualRecords(ctx: QueryContext, projectId: number): Promise<boolean> {
  return await may(ctx, "see_records", projectId);
}

/**
 * A page of the project's pseudonymous records with their services, for its managers and admins;
 * everyone else sees counts only. `search` keeps the people whose ID or household ID holds it.
 */
export async function listBeneficiaryRecords(ctx: QueryContext, projectId: number, page: { limit: number; offset: number; search?: string }) {
  if (!(await seesIndividualRecords(ctx, projectId))) throw new AccessDeniedError(`records of project ${projectId}`);
  const db = dbOf(ctx);
  // A typed % or _ is looked for as itself, not as a wildcard.
  const pattern = page.search ? `%${page.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const matches = pattern ? or(likeAnyCase(beneficiaries.ref, pattern), likeAnyCase(beneficiaries.householdRef, pattern)) : undefined;
  const where = and(eq(beneficiaries.projectId, projectId), matches);
  const total = (await db.select({ n: count() }).from(beneficiaries).where(where))[0]?.n ?? 0;
  return { total, records: await recordsWithServices(db, where, page) };
}

/**
 * Records with their place's code and their services by date, by ID; a page of them when one is
 * given. No access check: the callers check first.
 */
export async function recordsWithServices(db: Db, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const query = db
    .select({
      id: beneficiaries.id,
      ref: beneficiaries.ref,
      householdRef: beneficiaries.householdRef,
      sex: beneficiaries.sex,
      birthYear: beneficiaries.birthYear,
      groupCode: beneficiaries.groupCode,
      householdSize: beneficiaries.householdSize,
      locationCode: locations.code,
    })
    .from(beneficiaries)
    .innerJoin(locations, eq(beneficiaries.locationId, locations.id))
    .where(where)
    .orderBy(asc(beneficiaries.ref))
    .$dynamic();
  const people = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const services =
    people.length === 0
      ? []
      : await db
          .select({ beneficiaryId: beneficiaryServices.beneficiaryId, code: serviceTypes.code, receivedOn: beneficiaryServices.receivedOn })
          .from(beneficiaryServices)
          .innerJoin(serviceTypes, eq(beneficiaryServices.serviceTypeId, serviceTypes.id))
          .where(
            inArray(
              beneficiaryServices.beneficiaryId,
              people.map((p) => p.id),
            ),
          )
          .orderBy(asc(beneficiaryServices.receivedOn));
  const byPerson = new Map<number, { code: string; receivedOn: string }[]>();
  for (const { beneficiaryId, code, receivedOn } of services) byPerson.set(beneficiaryId, [...(byPerson.get(beneficiaryId) ?? []), { code, receivedOn }]);
  return people.map((p) => ({ ...p, services: byPerson.get(p.id) ?? [] }));
}
