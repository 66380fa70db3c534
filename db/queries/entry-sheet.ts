import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { FREQUENCY_PERIOD_TYPE, periodEnd, periodsBetween } from "../../lib/periods/period";
import type { Actual } from "../../lib/indicators/actual";
import { computeRecordActual } from "../records/computed-figures";
import { loadTrainings } from "../records/trainings";
import { dimensionOptions, dimensions, indicatorDimensions, indicators, projectPeriods, users, type Indicator, type Project, type ProjectPeriod } from "../schema";
import { listDataValues, type ListedValue } from "./data-value-list";
import { AccessDeniedError } from "./errors";
import { listProjectLocations } from "./projects";
import { canSeeProject, dbOf, managedProjectIds, seesUnapprovedFigures, type QueryContext } from "./viewer";

export type SheetDimension = { code: string; nameEn: string; nameFr: string; options: { code: string; nameEn: string; nameFr: string }[] };
export type SheetIndicator = { indicator: Indicator; dimensions: SheetDimension[]; computed: Actual | null };
export type PeriodState = Pick<ProjectPeriod, "status" | "submittedBy" | "submittedAt" | "reviewedAt" | "comment"> & {
  submittedByName: string | null;
  reviewedByName: string | null;
};

export type EntrySheet = {
  indicators: SheetIndicator[];
  locations: ReturnType<typeof listProjectLocations>;
  values: ListedValue[];
  state: PeriodState;
  /** The caller may enter figures here (a manager of the project, or an admin). */
  canEdit: boolean;
};

const DRAFT: PeriodState = { status: "draft", submittedBy: null, submittedAt: null, reviewedAt: null, comment: null, submittedByName: null, reviewedByName: null };

/** Who sees the entry pages: everyone who sees figures in review (not donors). */
function assertCanOpen(ctx: QueryContext, projectId: number): void {
  if (!seesUnapprovedFigures(ctx.viewer) || !canSeeProject(ctx, projectId)) throw new AccessDeniedError(`entry of project ${projectId}`);
}

/** The reporting periods of a project up to today's, with their workflow state, newest first. */
export function listReportingPeriods(ctx: QueryContext, project: Project, today: string): { period: string; state: PeriodState }[] {
  assertCanOpen(ctx, project.id);
  const last = project.endDate < today ? project.endDate : today;
  const states = new Map(periodStates(ctx, project.id).map((s) => [s.period, s.state]));
  return periodsBetween(project.startDate, last, FREQUENCY_PERIOD_TYPE[project.reportingFrequency])
    .reverse()
    .map((period) => ({ period, state: states.get(period) ?? DRAFT }));
}

function periodStates(ctx: QueryContext, projectId: number, period?: string): { period: string; state: PeriodState }[] {
  const db = dbOf(ctx);
  const rows = db
    .select()
    .from(projectPeriods)
    .where(and(eq(projectPeriods.projectId, projectId), period ? eq(projectPeriods.period, period) : undefined))
    .all();
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.flatMap((r) => [r.submittedBy, r.reviewedBy]).filter((id): id is number => id !== null))].concat([0])))
      .all()
      .map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    period: r.period,
    state: {
      status: r.status,
      submittedBy: r.submittedBy,
      submittedAt: r.submittedAt,
      reviewedAt: r.reviewedAt,
      comment: r.comment,
      submittedByName: r.submittedBy === null ? null : (names.get(r.submittedBy) ?? null),
      reviewedByName: r.reviewedBy === null ? null : (names.get(r.reviewedBy) ?? null),
    },
  }));
}

/** Everything the entry grid of one project and period shows. */
export function getEntrySheet(ctx: QueryContext, project: Project, period: string): EntrySheet {
  assertCanOpen(ctx, project.id);
  const db = dbOf(ctx);
  const list = db.select().from(indicators).where(eq(indicators.projectId, project.id)).orderBy(asc(indicators.position)).all();
  const dimensionRows = list.length === 0
    ? []
    : db
        .select({ indicatorId: indicatorDimensions.indicatorId, dimension: dimensions, option: dimensionOptions })
        .from(indicatorDimensions)
        .innerJoin(dimensions, eq(indicatorDimensions.dimensionId, dimensions.id))
        .innerJoin(dimensionOptions, eq(dimensionOptions.dimensionId, dimensions.id))
        .where(inArray(indicatorDimensions.indicatorId, list.map((i) => i.id)))
        .orderBy(asc(dimensions.position), asc(dimensionOptions.position))
        .all();
  const records = list.some((i) => i.source !== "manual")
    ? { db, projectId: project.id, trainings: list.some((i) => i.source === "trainings") ? loadTrainings(db, [project.id]) : [] }
    : null;
  const sheetIndicators = list.map((indicator) => {
    const dims: SheetDimension[] = [];
    for (const row of dimensionRows.filter((r) => r.indicatorId === indicator.id)) {
      let dim = dims.find((d) => d.code === row.dimension.code);
      if (!dim) {
        dim = { code: row.dimension.code, nameEn: row.dimension.nameEn, nameFr: row.dimension.nameFr, options: [] };
        dims.push(dim);
      }
      dim.options.push({ code: row.option.code, nameEn: row.option.nameEn, nameFr: row.option.nameFr });
    }
    return { indicator, dimensions: dims, computed: records ? computeRecordActual(indicator, records, periodEnd(period)) : null };
  });
  return {
    indicators: sheetIndicators,
    locations: listProjectLocations(ctx, project.id),
    values: listDataValues(ctx, project.id, { period }),
    state: periodStates(ctx, project.id, period)[0]?.state ?? DRAFT,
    canEdit: managedProjectIds(ctx).includes(project.id),
  };
}
