// Loaders of the registry for counting, without access checks: db/queries checks access first.
import { eq, inArray } from "drizzle-orm";
import type { RegistryRecord } from "../../lib/beneficiaries/reach";
import type { Executor } from "../client";
import { beneficiaries, beneficiaryServices, projects, serviceTypes } from "../schema";

/** A registry record with the dated services received; household sizes filled from the project where unknown. */
export type DatedRecord = Omit<RegistryRecord, "services"> & { projectId: number; services: { code: string; receivedOn: string }[] };

/** Loads the registry of projects for counting. Callers check access first. */
export function loadRegistry(db: Executor, projectIds: readonly number[]): DatedRecord[] {
  if (projectIds.length === 0) return [];
  const people = db
    .select({
      id: beneficiaries.id,
      projectId: beneficiaries.projectId,
      ref: beneficiaries.ref,
      householdRef: beneficiaries.householdRef,
      householdSize: beneficiaries.householdSize,
      projectHouseholdSize: projects.householdSize,
    })
    .from(beneficiaries)
    .innerJoin(projects, eq(beneficiaries.projectId, projects.id))
    .where(inArray(beneficiaries.projectId, [...projectIds]))
    .all();
  const byId = new Map<number, DatedRecord>();
  for (const p of people) {
    byId.set(p.id, { projectId: p.projectId, ref: p.ref, householdRef: p.householdRef, householdSize: p.householdSize ?? p.projectHouseholdSize, services: [] });
  }
  const services = db
    .select({ beneficiaryId: beneficiaryServices.beneficiaryId, code: serviceTypes.code, receivedOn: beneficiaryServices.receivedOn })
    .from(beneficiaryServices)
    .innerJoin(serviceTypes, eq(beneficiaryServices.serviceTypeId, serviceTypes.id))
    .innerJoin(beneficiaries, eq(beneficiaryServices.beneficiaryId, beneficiaries.id))
    .where(inArray(beneficiaries.projectId, [...projectIds]))
    .all();
  for (const s of services) byId.get(s.beneficiaryId)?.services.push({ code: s.code, receivedOn: s.receivedOn });
  return [...byId.values()];
}

/** Keeps the services received up to a date (inclusive), and of one kind when `serviceCode` is given. */
export function servicesUpTo(records: readonly DatedRecord[], upToDate?: string, serviceCode?: string): RegistryRecord[] {
  return records.map((r) => ({
    ...r,
    services: r.services
      .filter((s) => (upToDate === undefined || s.receivedOn <= upToDate) && (serviceCode === undefined || s.code === serviceCode))
      .map((s) => s.code),
  }));
}

