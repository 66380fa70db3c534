import "server-only";
import { and, eq, inArray, isNotNull, ne, or } from "drizzle-orm";
import type { FieldProblem } from "../../lib/validation/fields";
import { checkProjectInput, type ProjectInput } from "../../lib/validation/project";
import type { Executor } from "../engine/types";
import {
  locations,
  organisations,
  programmes,
  projectBudgets,
  projectLocations,
  projectMembers,
  projectOrganisations,
  projectPeriods,
  projects,
  projectSectors,
  type Project,
} from "../tables";
import { dbOf, may, type QueryContext } from "../users/viewer";
import { allows } from "../../lib/auth/permissions";
import { recordAudit } from "../audit/audit-record";

export type SaveProjectOutcome =
  { kind: "saved"; project: Project } | { kind: "forbidden" } | { kind: "invalid"; problems: FieldProblem[] } | { kind: "conflict"; current: Project };

/** Everything a project form shows: the project's fields, organisations, places and budgets. */
export async function projectFormValues(db: Executor, project: Project): Promise<ProjectInput> {
  const country = (await db.select({ code: locations.code }).from(locations).where(eq(locations.id, project.countryId)))[0];
  const programme = project.programmeId === null ? undefined : (await db.select({ code: programmes.code }).from(programmes).where(eq(programmes.id, project.programmeId)))[0];
  return {
    code: project.code,
    programmeCode: programme?.code ?? null,
    phase: project.phase,
    titleEn: project.titleEn,
    titleFr: project.titleFr,
    summaryEn: project.summaryEn,
    summaryFr: project.summaryFr,
    status: project.status,
    startDate: project.startDate,
    endDate: project.endDate,
    countryCode: country?.code ?? "",
    reportingFrequency: project.reportingFrequency,
    householdSize: project.householdSize,
    householdSizeSource: project.householdSizeSource,
    currency: project.currency,
    dataNoteEn: project.dataNoteEn,
    dataNoteFr: project.dataNoteFr,
    organisations: await db
      .select({ code: organisations.code, role: projectOrganisations.role })
      .from(projectOrganisations)
      .innerJoin(organisations, eq(projectOrganisations.organisationId, organisations.id))
      .where(eq(projectOrganisations.projectId, project.id)),
    locationCodes: (
      await db
        .select({ code: locations.code })
        .from(projectLocations)
        .innerJoin(locations, eq(projectLocations.locationId, locations.id))
        .where(eq(projectLocations.projectId, project.id))
    ).map((l) => l.code),
    budgets: await db
      .select({ year: projectBudgets.year, amount: projectBudgets.amount })
      .from(projectBudgets)
      .where(eq(projectBudgets.projectId, project.id))
      .orderBy(projectBudgets.year),
    sectors: await db
      .select({ code: projectSectors.code, percentage: projectSectors.percentage })
      .from(projectSectors)
      .where(eq(projectSectors.projectId, project.id))
      .orderBy(projectSectors.code),
  };
}

/**
 * Creates (admins) or edits (admins and the project's managers) a project with its organisations,
 * places and yearly budgets, in one transaction with its audit entry. An edit names the version it
 * read; a stale one is refused with the current project.
 */
export async function saveProject(ctx: QueryContext, raw: unknown, target: { projectId?: number; version?: number } = {}): Promise<SaveProjectOutcome> {
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    const editing = target.projectId !== undefined;
    if (editing ? !(await may({ ...ctx, db }, "manage_framework", target.projectId as number)) : !allows(ctx.viewer, "create_project")) return { kind: "forbidden" };
    const current = editing
      ? (
          await tx
            .select()
            .from(projects)
            .where(eq(projects.id, target.projectId as number))
        )[0]
      : undefined;
    if (editing && !current) return { kind: "forbidden" };
    if (current && target.version !== current.version) return { kind: "conflict", current };

    const checked = checkProjectInput(raw);
    if (!checked.ok) return { kind: "invalid", problems: checked.problems };
    const input = checked.project;
    const problems: FieldProblem[] = [];
    const duplicate = (
      await tx
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.code, input.code), current ? ne(projects.id, current.id) : undefined))
    )[0];
    if (duplicate) problems.push({ field: "code", code: "duplicate_project_code" });
    const country = (
      await tx
        .select()
        .from(locations)
        .where(and(eq(locations.code, input.countryCode), eq(locations.level, "country")))
    )[0];
    if (!country) problems.push({ field: "countryCode", code: "unknown_country" });
    const programme = input.programmeCode ? (await tx.select().from(programmes).where(eq(programmes.code, input.programmeCode)))[0] : null;
    if (input.programmeCode && !programme) problems.push({ field: "programmeCode", code: "unknown_programme" });
    const orgRows =
      input.organisations.length === 0
        ? []
        : await tx
            .select()
            .from(organisations)
            .where(
              inArray(
                organisations.code,
                input.organisations.map((o) => o.code),
              ),
            );
    input.organisations.forEach((o, i) => {
      if (!orgRows.some((r) => r.code === o.code)) problems.push({ field: `organisations.${i}.code`, code: "unknown_organisation" });
    });
    const placeRows = input.locationCodes.length === 0 ? [] : await tx.select().from(locations).where(inArray(locations.code, input.locationCodes));
    input.locationCodes.forEach((code, i) => {
      const place = placeRows.find((r) => r.code === code);
      if (!place || (country && place.countryCode !== country.countryCode)) problems.push({ field: `locationCodes.${i}`, code: "location_outside_country" });
    });
    // Approved figures and the copies of records are kept by period: the periods stay what they were.
    if (current && input.reportingFrequency !== current.reportingFrequency) {
      const settled = (
        await tx
          .select({ id: projectPeriods.id })
          .from(projectPeriods)
          .where(and(eq(projectPeriods.projectId, current.id), or(ne(projectPeriods.status, "draft"), isNotNull(projectPeriods.approvedAt))))
      )[0];
      if (settled) problems.push({ field: "reportingFrequency", code: "frequency_locked" });
    }
    if (problems.length > 0 || !country) return { kind: "invalid", problems };

    const values = {
      code: input.code,
      programmeId: programme?.id ?? null,
      phase: input.phase,
      titleEn: input.titleEn,
      titleFr: input.titleFr,
      summaryEn: input.summaryEn,
      summaryFr: input.summaryFr,
      status: input.status,
      startDate: input.startDate,
      endDate: input.endDate,
      countryId: country.id,
      reportingFrequency: input.reportingFrequency,
      householdSize: input.householdSize,
      householdSizeSource: input.householdSizeSource,
      currency: input.currency,
      dataNoteEn: input.dataNoteEn,
      dataNoteFr: input.dataNoteFr,
      closedAt: input.status === "completed" ? (current?.closedAt ?? new Date().toISOString()) : null,
    };
    const before = current ? await projectFormValues(tx, current) : null;
    const saved = current
      ? (
          await tx
            .update(projects)
            .set({ ...values, version: current.version + 1 })
            .where(eq(projects.id, current.id))
            .returning()
        )[0]!
      : (await tx.insert(projects).values(values).returning())[0]!;
    await tx.delete(projectOrganisations).where(eq(projectOrganisations.projectId, saved.id));
    const uniqueOrgs = [...new Map(input.organisations.map((o) => [`${o.code}|${o.role}`, o])).values()];
    if (uniqueOrgs.length > 0) {
      await tx
        .insert(projectOrganisations)
        .values(uniqueOrgs.map((o) => ({ projectId: saved.id, organisationId: orgRows.find((r) => r.code === o.code)?.id as number, role: o.role })));
    }
    await tx.delete(projectLocations).where(eq(projectLocations.projectId, saved.id));
    const placeIds = [...new Set(placeRows.map((p) => p.id))];
    if (placeIds.length > 0) await tx.insert(projectLocations).values(placeIds.map((locationId) => ({ projectId: saved.id, locationId })));
    await tx.delete(projectBudgets).where(eq(projectBudgets.projectId, saved.id));
    if (input.budgets.length > 0)
      await tx.insert(projectBudgets).values(input.budgets.map((b) => ({ projectId: saved.id, year: b.year, amount: b.amount, currency: input.currency })));
    await tx.delete(projectSectors).where(eq(projectSectors.projectId, saved.id));
    if (input.sectors.length > 0) await tx.insert(projectSectors).values(input.sectors.map((s) => ({ projectId: saved.id, code: s.code, percentage: s.percentage })));
    if (!current && ctx.viewer.role === "manager") await tx.insert(projectMembers).values({ userId: ctx.viewer.userId, projectId: saved.id });
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: current ? (current.status !== "completed" && input.status === "completed" ? "project.close" : "project.update") : "project.create",
      entityType: "project",
      entityId: saved.id,
      projectId: saved.id,
      details: { before, after: input },
    });
    return { kind: "saved", project: saved };
  });
}

/** Closes a project: it becomes completed, everything else as it is. Same permissions and versions as an edit. */
export async function closeProject(ctx: QueryContext, projectId: number, version: number | undefined): Promise<SaveProjectOutcome> {
  const db = dbOf(ctx);
  const current = (await db.select().from(projects).where(eq(projects.id, projectId)))[0];
  if (!current) return { kind: "forbidden" };
  return await saveProject(ctx, { ...(await projectFormValues(db, current)), status: "completed" }, { projectId, version });
}

/** The programmes, countries, organisations and places a project form offers. */
export async function listProjectFormChoices(ctx: QueryContext) {
  const db = dbOf(ctx);
  const places = await db.select().from(locations).orderBy(locations.level, locations.nameEn);
  return {
    programmes: await db.select({ code: programmes.code, titleEn: programmes.titleEn, titleFr: programmes.titleFr }).from(programmes).orderBy(programmes.code),
    countries: places.filter((l) => l.level === "country"),
    places,
    organisations: await db.select().from(organisations).orderBy(organisations.nameEn),
  };
}

/** The form values of a project the caller may edit; null when they may not. */
export async function editableProjectValues(ctx: QueryContext, project: Project): Promise<ProjectInput | null> {
  if (!(await may(ctx, "manage_framework", project.id))) return null;
  return await projectFormValues(dbOf(ctx), project);
}
