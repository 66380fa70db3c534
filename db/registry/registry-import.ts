import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { ImportCodes } from "../../lib/beneficiaries/code-book";
import type { FieldMatches } from "../../lib/beneficiaries/import-fields";
import type { ImportedPerson } from "../../lib/beneficiaries/registry-csv";
import { FREQUENCY_PERIOD_TYPE, periodOfRecord } from "../../lib/periods/period";
import { recordsInApprovedPeriods } from "../../lib/workflow/record-changes";
import { beneficiaries, beneficiaryServices, dimensionOptions, dimensions, locations, projectLocations, projectPeriods, projects, serviceTypes, type Project } from "../tables";
import { dbOf, may, type QueryContext } from "../users/viewer";
import { recordAudit } from "../audit/audit-record";
import { findNewDuplicatePairs, mergedRecordTargets } from "./duplicates";

export type ImportCounts = { peopleAdded: number; peopleChanged: number; peopleUnchanged: number; servicesAdded: number; servicesUnchanged: number; rows: number };

// The audit entry of an import names each corrected record with what changed; past this many, it says how many more.
const LISTED_CHANGES = 1000;
const PERSON_FIELDS = ["householdRef", "sex", "birthYear", "groupCode", "locationId", "householdSize"] as const;

/** What an import may refer to: the project's places, the services, the sexes and groups, with their names. */
export async function registryImportContext(ctx: QueryContext, projectId: number) {
  const db = dbOf(ctx);
  const places = await db
    .select({ code: locations.code, id: locations.id, nameEn: locations.nameEn, nameFr: locations.nameFr })
    .from(projectLocations)
    .innerJoin(locations, eq(projectLocations.locationId, locations.id))
    .where(eq(projectLocations.projectId, projectId))
    .orderBy(locations.code);
  const services = await db
    .select({ code: serviceTypes.code, id: serviceTypes.id, nameEn: serviceTypes.nameEn, nameFr: serviceTypes.nameFr })
    .from(serviceTypes)
    .orderBy(serviceTypes.id);
  const optionsOf = async (dimension: string) =>
    await db
      .select({ code: dimensionOptions.code, nameEn: dimensionOptions.nameEn, nameFr: dimensionOptions.nameFr })
      .from(dimensionOptions)
      .innerJoin(dimensions, eq(dimensionOptions.dimensionId, dimensions.id))
      .where(eq(dimensions.code, dimension))
      .orderBy(dimensionOptions.position);
  const codes: ImportCodes = { places, sexes: await optionsOf("sex"), groups: await optionsOf("group"), services };
  return { places: new Map(places.map((p) => [p.code, p.id])), services: new Map(services.map((s) => [s.code, s.id])), codes };
}

export type ImportContext = Awaited<ReturnType<typeof registryImportContext>>;

/**
 * Compares the people of a file with the project's registry and, on commit, writes all of them in
 * one transaction with one audit entry: people added or changed, services added. A person is known
 * by their external ID, so importing the same file again changes nothing; the ID of a record merged
 * into another (db/registry/duplicates.ts) leads to the record kept. A commit then looks for new
 * likely duplicates. Only the project's managers and admins import.
 */
export async function importRegistry(
  ctx: QueryContext,
  projectId: number,
  people: ReadonlyMap<string, ImportedPerson>,
  options: { commit: boolean; fileName: string; rows: number; mapping?: { name: string | null; matches: FieldMatches }; context?: ImportContext },
): Promise<{ kind: "forbidden" } | { kind: "done"; counts: ImportCounts; inApprovedPeriods: { period: string; records: number }[]; duplicatesFound: number }> {
  const db = dbOf(ctx);
  if (!(await may({ ...ctx, db }, "enter", projectId))) return { kind: "forbidden" };
  // The caller that read the file with the project's codes has them already.
  const { places, services } = options.context ?? (await registryImportContext(ctx, projectId));
  return await db.write(async (tx) => {
    const project = (await tx.select().from(projects).where(eq(projects.id, projectId)))[0] as Project;
    const approvedPeriods = new Set(
      (
        await tx
          .select({ period: projectPeriods.period })
          .from(projectPeriods)
          .where(and(eq(projectPeriods.projectId, projectId), isNotNull(projectPeriods.approvedAt)))
      ).map((p) => p.period),
    );
    // The services this file adds, and those of people it changes: each changes an approved record when dated in an approved period.
    const touched: string[] = [];
    const touch = (receivedOn: string) => touched.push(periodOfRecord(receivedOn, FREQUENCY_PERIOD_TYPE[project.reportingFrequency], project.startDate, project.endDate));
    const existing = new Map(
      (
        await tx
          .select({
            id: beneficiaries.id,
            ref: beneficiaries.ref,
            householdRef: beneficiaries.householdRef,
            sex: beneficiaries.sex,
            birthYear: beneficiaries.birthYear,
            groupCode: beneficiaries.groupCode,
            locationId: beneficiaries.locationId,
            householdSize: beneficiaries.householdSize,
          })
          .from(beneficiaries)
          .where(eq(beneficiaries.projectId, projectId))
      ).map((b) => [b.ref, b]),
    );
    const mergedInto = await mergedRecordTargets(tx, projectId);
    const changes: { ref: string; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
    const existingServices = new Set(
      (
        await tx
          .select({ beneficiaryId: beneficiaryServices.beneficiaryId, serviceTypeId: beneficiaryServices.serviceTypeId, receivedOn: beneficiaryServices.receivedOn })
          .from(beneficiaryServices)
          .innerJoin(beneficiaries, eq(beneficiaryServices.beneficiaryId, beneficiaries.id))
          .where(eq(beneficiaries.projectId, projectId))
      ).map((s) => `${s.beneficiaryId}|${s.serviceTypeId}|${s.receivedOn}`),
    );
    const counts: ImportCounts = { peopleAdded: 0, peopleChanged: 0, peopleUnchanged: 0, servicesAdded: 0, servicesUnchanged: 0, rows: options.rows };
    const toInsert: ImportedPerson[] = [];
    const newServices: { beneficiaryId: number; serviceTypeId: number; receivedOn: string }[] = [];
    const rowOf = (p: ImportedPerson) => ({
      projectId,
      ref: p.ref,
      householdRef: p.householdRef,
      sex: p.sex,
      birthYear: p.birthYear,
      groupCode: p.groupCode,
      locationId: places.get(p.locationCode) as number,
      householdSize: p.householdSize,
    });

    for (const person of people.values()) {
      const known = existing.get(person.ref);
      const keptId = known ? undefined : mergedInto.get(person.ref);
      if (keptId !== undefined) {
        // A person merged into another: their services go to the record kept, which the file does not describe.
        counts.peopleUnchanged += 1;
        for (const service of person.services) {
          const serviceTypeId = services.get(service.code) as number;
          if (existingServices.has(`${keptId}|${serviceTypeId}|${service.receivedOn}`)) counts.servicesUnchanged += 1;
          else {
            existingServices.add(`${keptId}|${serviceTypeId}|${service.receivedOn}`);
            counts.servicesAdded += 1;
            touch(service.receivedOn);
            newServices.push({ beneficiaryId: keptId, serviceTypeId, receivedOn: service.receivedOn });
          }
        }
        continue;
      }
      if (!known) {
        counts.peopleAdded += 1;
        counts.servicesAdded += person.services.length;
        toInsert.push(person);
        for (const service of person.services) touch(service.receivedOn);
        continue;
      }
      const row = rowOf(person);
      const changedFields = PERSON_FIELDS.filter((field) => known[field] !== row[field]);
      const changed = changedFields.length > 0;
      if (changed) {
        counts.peopleChanged += 1;
        if (changes.length < LISTED_CHANGES)
          changes.push({ ref: person.ref, before: Object.fromEntries(changedFields.map((f) => [f, known[f]])), after: Object.fromEntries(changedFields.map((f) => [f, row[f]])) });
        if (options.commit) await tx.update(beneficiaries).set(row).where(eq(beneficiaries.id, known.id));
      } else counts.peopleUnchanged += 1;
      for (const service of person.services) {
        const serviceTypeId = services.get(service.code) as number;
        if (existingServices.has(`${known.id}|${serviceTypeId}|${service.receivedOn}`)) {
          counts.servicesUnchanged += 1;
          if (changed) touch(service.receivedOn);
        } else {
          counts.servicesAdded += 1;
          touch(service.receivedOn);
          newServices.push({ beneficiaryId: known.id, serviceTypeId, receivedOn: service.receivedOn });
        }
      }
    }
    const inApprovedPeriods = recordsInApprovedPeriods(touched, approvedPeriods);
    if (!options.commit) return { kind: "done", counts, inApprovedPeriods, duplicatesFound: 0 };

    for (let start = 0; start < toInsert.length; start += 500) {
      const chunk = toInsert.slice(start, start + 500);
      const inserted = await tx.insert(beneficiaries).values(chunk.map(rowOf)).returning({ id: beneficiaries.id, ref: beneficiaries.ref });
      const ids = new Map(inserted.map((r) => [r.ref, r.id]));
      for (const person of chunk) {
        for (const service of person.services)
          newServices.push({ beneficiaryId: ids.get(person.ref) as number, serviceTypeId: services.get(service.code) as number, receivedOn: service.receivedOn });
      }
    }
    for (let start = 0; start < newServices.length; start += 500) await tx.insert(beneficiaryServices).values(newServices.slice(start, start + 500));
    const duplicatesFound = await findNewDuplicatePairs(tx, projectId);
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: "beneficiary.import",
      entityType: "beneficiary",
      projectId,
      details: {
        fileName: options.fileName,
        ...counts,
        ...(options.mapping ? { mapping: options.mapping } : {}),
        changes,
        ...(counts.peopleChanged > changes.length ? { changesNotListed: counts.peopleChanged - changes.length } : {}),
        duplicatesFound,
      },
    });
    return { kind: "done", counts, inApprovedPeriods, duplicatesFound };
  });
}
