import "server-only";
import { periodTargets } from "./period-targets";
import { and, asc, eq, inArray } from "drizzle-orm";
import { FREQUENCY_PERIOD_TYPE, periodEnd, periodsBetween, previousPeriod } from "../../lib/periods/period";
import type { Actual } from "../../lib/indicators/actual";
import { computeRecordActual } from "../records/computed-figures";
import { loadIndicatorDimensions, type SheetDimension } from "../records/indicator-dimensions";
import { loadTrainings } from "../records/trainings";
import { indicators, projectPeriods, users, type Indicator, type Project, type ProjectPeriod } from "../tables";
import { listDataValues, type ListedValue } from "./data-value-list";
import { AccessDeniedError } from "../errors";
import { listProjectLocations } from "../projects/projects";
import { dbOf, may, seesUnapprovedFigures, type QueryContext } from "../users/viewer";

export type SheetIndicator = { indicator: Indicator; dimensions: SheetDimension[]; computed: Actual | null };
export type PeriodState = Pick<ProjectPeriod, "status" | "submittedBy" | "submittedAt" | "submissionComment" | "reviewedAt" | "comment" | "approvedAt"> & {
  submittedByName: string | null;
  reviewedByName: string | null;
};

export type EntrySheet = {
  indicators: SheetIndicator[];
  locations: Awaited<ReturnType<typeof listProjectLocations>>;
  values: ListedValue[];
  /** The values of the period before, shown beside each cell. */
  previous: ListedValue[];
  /** Each indicator's target for this period, where one is set. */
  targets: Map<number, number>;
  state: PeriodState;
  /** The caller may enter figures here (a manager of the project, or an admin). */
  canEdit: boolean;
};

const DRAFT: PeriodState = {
  status: "draft",
  submittedBy: null,
  submittedAt: null,
  submissionComment: null,
  reviewedAt: null,
  comment: null,
  approvedAt: null,
  submittedByName: null,
  reviewedByName: null,
};

/** Who sees the entry pages: everyone who sees figures in review (not donors). */
async function assertCanOpen(ctx: QueryContext, projectId: number): Promise<void> {
  if (!seesUnapprovedFigures(ctx.viewer) || !(await may(ctx, "see", projectId))) throw new AccessDeniedError(`entry of project ${projectId}`);
}

/** The reporting periods of a project up to today's, with their workflow state, newest first. */
export async function listReportingPeriods(ctx: QueryContext, project: Project, today: string): Promise<{ period: string; state: PeriodState }[]> {
  await assertCanOpen(ctx, project.id);
  const last = project.endDate < today ? project.endDate : today;
  const states = new Map((await periodStates(ctx, project.id)).map((s) => [s.period, s.state]));
  return periodsBetween(project.startDate, last, FREQUENCY_PERIOD_TYPE[project.reportingFrequency])
    .reverse()
    .map((period) => ({ period, state: states.get(period) ?? DRAFT }));
}

async function periodStates(ctx: QueryContext, projectId: number, period?: string): Promise<{ period: string; state: PeriodState }[]> {
  const db = dbOf(ctx);
  const rows = await db
    .select()
    .from(projectPeriods)
    .where(and(eq(projectPeriods.projectId, projectId), period ? eq(projectPeriods.period, period) : undefined));
  const names = new Map(
    (
      await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, [...new Set(rows.flatMap((r) => [r.submittedBy, r.reviewedBy]).filter((id): id is number => id !== null))].concat([0])))
    ).map((u) => [u.id, u.name]),
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
export async function getEntrySheet(ctx: QueryContext, project: Project, period: string): Promise<EntrySheet> {
  await assertCanOpen(ctx, project.id);
  const db = dbOf(ctx);
  const list = await db.select().from(indicators).where(eq(indicators.projectId, project.id)).orderBy(asc(indicators.position));
  const dimensionsOf = await loadIndicatorDimensions(
    db,
    list.map((i) => i.id),
  );
  const records = list.some((i) => i.source !== "manual")
    ? { db, projectId: project.id, trainings: list.some((i) => i.source === "trainings") ? await loadTrainings(db, [project.id]) : [] }
    : null;
  const sheetIndicators = await Promise.all(
    list.map(async (indicator) => ({
      indicator,
      dimensions: dimensionsOf.get(indicator.id) ?? [],
      computed: records ? await computeRecordActual(indicator, records, periodEnd(period)) : null,
    })),
  );
  return {
    indicators: sheetIndicators,
    locations: await listProjectLocations(ctx, project.id),
    values: await listDataValues(ctx, project.id, { period }),
    previous: await listDataValues(ctx, project.id, { period: previousPeriod(period) }),
    targets: await periodTargets(db, list, period),
    state: (await periodStates(ctx, project.id, period))[0]?.state ?? DRAFT,
    canEdit: await may(ctx, "enter", project.id),
  };
}
