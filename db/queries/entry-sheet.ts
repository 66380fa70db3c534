import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { FREQUENCY_PERIOD_TYPE, periodEnd, periodsBetween, previousPeriod } from "../../lib/periods/period";
import type { Actual } from "../../lib/indicators/actual";
import { computeRecordActual } from "../records/computed-figures";
import { loadIndicatorDimensions, type SheetDimension } from "../records/indicator-dimensions";
import { loadTrainings } from "../records/trainings";
import { indicatorTargets, indicators, projectPeriods, users, type Indicator, type Project, type ProjectPeriod } from "../schema";
import { listDataValues, type ListedValue } from "./data-value-list";
import { AccessDeniedError } from "./errors";
import { listProjectLocations } from "./projects";
import { canSeeProject, dbOf, managedProjectIds, seesUnapprovedFigures, type QueryContext } from "./viewer";

export type SheetIndicator = { indicator: Indicator; dimensions: SheetDimension[]; computed: Actual | null };
export type PeriodState = Pick<ProjectPeriod, "status" | "submittedBy" | "submittedAt" | "submissionComment" | "reviewedAt" | "comment" | "approvedAt"> & {
  submittedByName: string | null;
  reviewedByName: string | null;
};

export type EntrySheet = {
  indicators: SheetIndicator[];
  locations: ReturnType<typeof listProjectLocations>;
  values: ListedValue[];
  /** The values of the period before, shown beside each cell. */
  previous: ListedValue[];
  /** Each indicator's target for this period, where one is set. */
  targets: Map<number, number>;
  state: PeriodState;
  /** The caller may enter figures here (a manager of the project, or an admin). */
  canEdit: boolean;
};

const DRAFT: PeriodState = { status: "draft", submittedBy: null, submittedAt: null, submissionComment: null, reviewedAt: null, comment: null, approvedAt: null, submittedByName: null, reviewedByName: null };

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
      submissionComment: r.submissionComment,
      reviewedAt: r.reviewedAt,
      comment: r.comment,
      approvedAt: r.approvedAt,
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
  const dimensionsOf = loadIndicatorDimensions(db, list.map((i) => i.id));
  const records = list.some((i) => i.source !== "manual")
    ? { db, projectId: project.id, trainings: list.some((i) => i.source === "trainings") ? loadTrainings(db, [project.id]) : [] }
    : null;
  const sheetIndicators = list.map((indicator) => ({
    indicator,
    dimensions: dimensionsOf.get(indicator.id) ?? [],
    computed: records ? computeRecordActual(indicator, records, periodEnd(period)) : null,
  }));
  return {
    indicators: sheetIndicators,
    locations: listProjectLocations(ctx, project.id),
    values: listDataValues(ctx, project.id, { period }),
    previous: listDataValues(ctx, project.id, { period: previousPeriod(period) }),
    targets: new Map(
      list.length === 0
        ? []
        : db
            .select({ indicatorId: indicatorTargets.indicatorId, value: indicatorTargets.value })
            .from(indicatorTargets)
            .where(and(inArray(indicatorTargets.indicatorId, list.map((i) => i.id)), eq(indicatorTargets.period, period)))
            .all()
            .map((t) => [t.indicatorId, t.value]),
    ),
    state: periodStates(ctx, project.id, period)[0]?.state ?? DRAFT,
    canEdit: managedProjectIds(ctx).includes(project.id),
  };
}
