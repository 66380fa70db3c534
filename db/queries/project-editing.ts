import "server-only";
import { and, eq, inArray, isNotNull, ne, or } from "drizzle-orm";
import type { FieldProblem } from "../../lib/validation/fields";
import { checkProjectInput, type ProjectInput } from "../../lib/validation/project";
import type { Executor } from "../client";
import { auditLog, locations, organisations, programmes, projectBudgets, projectLocations, projectMembers, projectOrganisations, projectPeriods, projects, projectSectors, type Project } from "../schema";
import { dbOf, managedProjectIds, type QueryContext } from "./viewer";

export type SaveProjectOutcome =
  | { kind: "saved"; project: Project }
  | { kind: "forbidden" }
  | { kind: "invalid"; problems: FieldProblem[] }
  | { kind: "conflict"; current: Project };

/** Everything a project form shows: the project's fields, organisations, places and budgets. */
export function projectFormValues(db: Executor, project: Project): ProjectInput {
  const country = db.select({ code: locations.code }).from(locations).where(eq(locations.id, project.countryId)).get();
  const programme = project.programmeId === null ? undefined : db.select({ code: programmes.code }).from(programmes).where(eq(programmes.id, project.programmeId)).get();
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
    organisations: db
      .select({ code: organisations.code, role: projectOrganisations.role })
      .from(projectOrganisations)
      .innerJoin(organisations, eq(projectOrganisations.organisationId, organisations.id))
      .where(eq(projectOrganisations.projectId, project.id))
      .all(),
    locationCodes: db
      .select({ code: locations.code })
      .from(projectLocations)
      .innerJoin(locations, eq(projectLocations.locationId, locations.id))
      .where(eq(projectLocations.projectId, project.id))
      .all()
      .map((l) => l.code),
    budgets: db.select({ year: projectBudgets.year, amount: projectBudgets.amount }).from(projectBudgets).where(eq(projectBudgets.projectId, project.id)).orderBy(projectBudgets.year).all(),
    sectors: db.select({ code: projectSectors.code, percentage: projectSectors.percentage }).from(projectSectors).where(eq(projectSectors.projectId, project.id)).orderBy(projectSectors.code).all(),
  };
}

/**
 * Creates (admins) or edits (admins and the project's managers) a project with its organisations,
 * places and yearly budgets, in one transaction with its audit entry. An edit names the version it
 * read; a stale one is refused with the current project.
 */
export function saveProject(ctx: QueryContext, raw: unknown, target: { projectId?: number; version?: number } = {}): SaveProjectOutcome {
  const db = dbOf(ctx);
  return db.transaction((tx) => {
    const editing = target.projectId !== undefined;
    if (editing ? !managedProjectIds({ ...ctx, db }).includes(target.projectId as number) : ctx.viewer.role !== "admin") return { kind: "forbidden" };
    const current = editing ? tx.select().from(projects).where(eq(projects.id, target.projectId as number)).get() : undefined;
    if (editing && !current) return { kind: "forbidden" };
    if (current && target.version !== current.version) return { kind: "conflict", current };

    const checked = checkProjectInput(raw);
    if (!checked.ok) return { kind: "invalid", problems: checked.problems };
    const input = checked.project;
    const problems: FieldProblem[] = [];
    const duplicate = tx.select({ id: projects.id }).from(projects).where(and(eq(projects.code, input.code), current ? ne(projects.id, current.id) : undefined)).get();
    if (duplicate) problems.push({ field: "code", code: "duplicate_project_code" });
    const country = tx.select().from(locations).where(and(eq(locations.code, input.countryCode), eq(locations.level, "country"))).get();
    if (!country) problems.push({ field: "countryCode", code: "unknown_country" });
    const programme = input.programmeCode ? tx.select().from(programmes).where(eq(programmes.code, input.programmeCode)).get() : null;
    if (input.programmeCode && !programme) problems.push({ field: "programmeCode", code: "unknown_programme" });
    const orgRows = input.organisations.length === 0 ? [] : tx.select().from(organisations).where(inArray(organisations.code, input.organisations.map((o) => o.code))).all();
    input.organisations.forEach((o, i) => {
      if (!orgRows.some((r) => r.code === o.code)) problems.push({ field: `organisations.${i}.code`, code: "unknown_organisation" });
    });
    const placeRows = input.locationCodes.length === 0 ? [] : tx.select().from(locations).where(inArray(locations.code, input.locationCodes)).all();
    input.locationCodes.forEach((code, i) => {
      const place = placeRows.find((r) => r.code === code);
      if (!place || (country && place.countryCode !== country.countryCode)) problems.push({ field: `locationCodes.${i}`, code: "location_outside_country" });
    });
    // Approved figures and the copies of records are kept by period: the periods stay what they were.
    if (current && input.reportingFrequency !== current.reportingFrequency) {
      const settled = tx
        .select({ id: projectPeriods.id })
        .from(projectPeriods)
        .where(and(eq(projectPeriods.projectId, current.id), or(ne(projectPeriods.status, "draft"), isNotNull(projectPeriods.approvedAt))))
        .get();
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
    const before = current ? projectFormValues(tx, current) : null;
    const saved = current
      ? tx.update(projects).set({ ...values, version: current.version + 1 }).where(eq(projects.id, current.id)).returning().get()
      : tx.insert(projects).values(values).returning().get();
    tx.delete(projectOrganisations).where(eq(projectOrganisations.projectId, saved.id)).run();
    const uniqueOrgs = [...new Map(input.organisations.map((o) => [`${o.code}|${o.role}`, o])).values()];
    if (uniqueOrgs.length > 0) {
      tx.insert(projectOrganisations)
        .values(uniqueOrgs.map((o) => ({ projectId: saved.id, organisationId: orgRows.find((r) => r.code === o.code)?.id as number, role: o.role })))
        .run();
    }
    tx.delete(projectLocations).where(eq(projectLocations.projectId, saved.id)).run();
    const placeIds = [...new Set(placeRows.map((p) => p.id))];
    if (placeIds.length > 0) tx.insert(projectLocations).values(placeIds.map((locationId) => ({ projectId: saved.id, locationId }))).run();
    tx.delete(projectBudgets).where(eq(projectBudgets.projectId, saved.id)).run();
    if (input.budgets.length > 0) tx.insert(projectBudgets).values(input.budgets.map((b) => ({ projectId: saved.id, year: b.year, amount: b.amount, currency: input.currency }))).run();
    tx.delete(projectSectors).where(eq(projectSectors.projectId, saved.id)).run();
    if (input.sectors.length > 0) tx.insert(projectSectors).values(input.sectors.map((s) => ({ projectId: saved.id, code: s.code, percentage: s.percentage }))).run();
    if (!current && ctx.viewer.role === "manager") tx.insert(projectMembers).values({ userId: ctx.viewer.userId, projectId: saved.id }).run();
    tx.insert(auditLog)
      .values({
        userId: ctx.viewer.userId,
        action: current ? (current.status !== "completed" && input.status === "completed" ? "project.close" : "project.update") : "project.create",
        entityType: "project",
        entityId: saved.id,
        projectId: saved.id,
        details: JSON.stringify({ before, after: input }),
      })
      .run();
    return { kind: "saved", project: saved };
  });
}

/** Closes a project: it becomes completed, everything else as it is. Same permissions and versions as an edit. */
export function closeProject(ctx: QueryContext, projectId: number, version: number | undefined): SaveProjectOutcome {
  const db = dbOf(ctx);
  const current = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!current) return { kind: "forbidden" };
  return saveProject(ctx, { ...projectFormValues(db, current), status: "completed" }, { projectId, version });
}

/** The programmes, countries, organisations and places a project form offers. */
export function listProjectFormChoices(ctx: QueryContext) {
  const db = dbOf(ctx);
  const places = db.select().from(locations).orderBy(locations.level, locations.nameEn).all();
  return {
    programmes: db.select({ code: programmes.code, titleEn: programmes.titleEn, titleFr: programmes.titleFr }).from(programmes).orderBy(programmes.code).all(),
    countries: places.filter((l) => l.level === "country"),
    places,
    organisations: db.select().from(organisations).orderBy(organisations.nameEn).all(),
  };
}

/** The form values of a project the caller may edit; null when they may not. */
export function editableProjectValues(ctx: QueryContext, project: Project): ProjectInput | null {
  if (!managedProjectIds(ctx).includes(project.id)) return null;
  return projectFormValues(dbOf(ctx), project);
}
