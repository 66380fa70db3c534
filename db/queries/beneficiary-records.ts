import "server-only";
import { asc, count, eq, inArray } from "drizzle-orm";
import { beneficiaries, beneficiaryServices, locations, serviceTypes } from "../schema";
import { AccessDeniedError } from "./errors";
import { dbOf, managedProjectIds, type QueryContext } from "./viewer";

/** Whether the viewer may see individual records of the project: its managers and admins only. */
export function seesIndividualRecords(ctx: QueryContext, projectId: number): boolean {
  return managedProjectIds(ctx).includes(projectId);
}

/** A page of the project's pseudonymous records with their services; everyone else sees counts only. */
export function listBeneficiaryRecords(ctx: QueryContext, projectId: number, page: { limit: number; offset: number }) {
  if (!seesIndividualRecords(ctx, projectId)) throw new AccessDeniedError(`records of project ${projectId}`);
  const db = dbOf(ctx);
  const total = db.select({ n: count() }).from(beneficiaries).where(eq(beneficiaries.projectId, projectId)).get()?.n ?? 0;
  const people = db
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
    .where(eq(beneficiaries.projectId, projectId))
    .orderBy(asc(beneficiaries.ref))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const services =
    people.length === 0
      ? []
      : db
          .select({ beneficiaryId: beneficiaryServices.beneficiaryId, code: serviceTypes.code, receivedOn: beneficiaryServices.receivedOn })
          .from(beneficiaryServices)
          .innerJoin(serviceTypes, eq(beneficiaryServices.serviceTypeId, serviceTypes.id))
          .where(inArray(beneficiaryServices.beneficiaryId, people.map((p) => p.id)))
          .orderBy(asc(beneficiaryServices.receivedOn))
          .all();
  return { total, records: people.map((p) => ({ ...p, services: services.filter((s) => s.beneficiaryId === p.id) })) };
}
