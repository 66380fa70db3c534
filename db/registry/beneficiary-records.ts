import "server-only";
import { and, asc, count, eq, inArray, or } from "drizzle-orm";
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
  const people = await db
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
    .limit(page.limit)
    .offset(page.offset);
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
  return { total, records: people.map((p) => ({ ...p, services: services.filter((s) => s.beneficiaryId === p.id) })) };
}
