import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actual } from "../../lib/indicators/actual";
import { actualToDate, type ReportedTotal } from "../../lib/indicators/actual-to-date";
import { progress } from "../../lib/indicators/progress";
import { FREQUENCY_PERIOD_TYPE, periodEnd, periodsWithin } from "../../lib/periods/period";
import type { Executor } from "../engine/types";
import { computeRecordActual, type RecordSources } from "../records/computed-figures";
import { countReachedPerScope } from "../records/reach-counts";
import { indicators, projects, type Indicator } from "../tables";
import { AccessDeniedError } from "../errors";
import { loadTrainings } from "../records/trainings";
import { figureColumns, valuesTable, type FigureSource } from "./values-table";
import { assertSees, dbOf, may, seesUnapprovedFigures, type QueryContext } from "../users/viewer";

export type IndicatorFigure = {
  indicator: Indicator;
  actual: Actual | null;
  /** Fraction of the way from baseline to target (1 = reached); null without target or actual. */
  progress: number | null;
  /** False for donors, whose figures count approved values only, and for whoever asked for approved only. */
  includesUnapproved: boolean;
};

export type FigureOptions = { upTo?: string; approvedOnly?: boolean };

/**
 * Each indicator of a visible project with its actual to date and progress.
 * - Figures in review (not for donors): entered values of every status, and figures computed live
 *   from the trainings and the registry.
 * - Approved only: the figures recorded when each period was approved, computed ones frozen then,
 *   so a reopened period shows its last approved figures.
 * Entered indicators add up by the rules of lib/indicators; computed ones are running totals.
 * `upTo` (a period) gives the figures as they stood at its end.
 */
export async function listIndicatorFigures(ctx: QueryContext, projectId: number, options: FigureOptions = {}): Promise<IndicatorFigure[]> {
  const { list, includesUnapproved, totals, records } = await loadFigureInputs(ctx, projectId, options);
  const upToDate = options.upTo === undefined ? undefined : periodEnd(options.upTo);
  return await Promise.all(
    list.map(async (indicator) => {
      const actual = await actualOf(indicator, totals.get(indicator.id) ?? [], records, options.upTo, upToDate);
      return {
        indicator,
        actual,
        progress: progress({
          direction: indicator.direction,
          baseline: indicator.baselineValue,
          target: indicator.target,
          actual: actual?.value ?? null,
        }),
        includesUnapproved,
      };
    }),
  );
}

/**
 * The figures of chosen indicators of visible projects (such as each project's main one), computed
 * together: the same as listIndicatorFigures gives for each, in a few queries whatever their number.
 */
export async function listFiguresOf(ctx: QueryContext, list: readonly Indicator[], options: { approvedOnly?: boolean } = {}): Promise<IndicatorFigure[]> {
  await assertSees(ctx, [...new Set(list.map((i) => i.projectId))]);
  const db = dbOf(ctx);
  const includesUnapproved = seesUnapprovedFigures(ctx.viewer) && !options.approvedOnly;
  const totals = await reportedTotals(db, list, includesUnapproved ? "entered" : "approved");
  const live = includesUnapproved ? list.filter((i) => i.source !== "manual") : [];
  const reached = await countReachedPerScope(
    db,
    live.filter((i) => i.source === "registry").map((i) => ({ key: i.id, projectId: i.projectId, upTo: null, serviceCode: i.sourceServiceCode })),
  );
  const trainingProjects = [...new Set(live.filter((i) => i.source === "trainings").map((i) => i.projectId))];
  const trainings = await loadTrainings(db, trainingProjects);
  return await Promise.all(
    list.map(async (indicator) => {
      let actual: Actual | null;
      if (indicator.source === "registry" && includesUnapproved) {
        const count = reached.get(indicator.id);
        actual = count && count.registered > 0 ? { kind: "number", value: count.reached } : null;
      } else if (indicator.source === "trainings" && includesUnapproved) {
        actual = await computeRecordActual(indicator, { db, projectId: indicator.projectId, trainings: trainings.filter((t) => t.projectId === indicator.projectId) }, undefined);
      } else {
        actual = await actualOf(indicator, totals.get(indicator.id) ?? [], null, undefined, undefined);
      }
      return {
        indicator,
        actual,
        progress: progress({ direction: indicator.direction, baseline: indicator.baselineValue, target: indicator.target, actual: actual?.value ?? null }),
        includesUnapproved,
      };
    }),
  );
}

/** What an indicator's figures are computed from: reported totals, or the records for computed figures in review. */
export type FigureInputs = {
  list: Indicator[];
  includesUnapproved: boolean;
  totals: Map<number, ReportedTotal[]>;
  records: RecordSources | null;
};

/** What the figures are computed from; with `upTo` (a period), only the totals reported up to it are read. */
export async function loadFigureInputs(ctx: QueryContext, projectId: number, options: { approvedOnly?: boolean; upTo?: string } = {}): Promise<FigureInputs> {
  if (!(await may(ctx, "see", projectId))) throw new AccessDeniedError(`project ${projectId}`);
  const db = dbOf(ctx);
  const includesUnapproved = seesUnapprovedFigures(ctx.viewer) && !options.approvedOnly;
  const list = await db.select().from(indicators).where(eq(indicators.projectId, projectId)).orderBy(asc(indicators.position));
  const [project] = options.upTo ? await db.select().from(projects).where(eq(projects.id, projectId)) : [];
  const range = project ? periodsWithin(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency], { to: options.upTo }) : null;
  return {
    list,
    includesUnapproved,
    totals: await reportedTotals(db, list, includesUnapproved ? "entered" : "approved", range),
    records:
      includesUnapproved && list.some((i) => i.source !== "manual")
        ? { db, projectId, trainings: list.some((i) => i.source === "trainings") ? await loadTrainings(db, [projectId]) : [] }
        : null,
  };
}

/**
 * An indicator's actual as of a period's end (`upTo`, with `upToDate` its last day), or to date:
 * entered indicators add up their totals by the rules of lib/indicators; computed ones are running
 * totals, counted from the records or as approved.
 */
export async function actualOf(
  indicator: Indicator,
  reported: readonly ReportedTotal[],
  records: RecordSources | null,
  upTo: string | undefined,
  upToDate: string | undefined,
): Promise<Actual | null> {
  if (indicator.source === "manual") return actualToDate(indicator, reported, upTo);
  if (records) return await computeRecordActual(indicator, records, upToDate);
  return actualToDate({ measure: indicator.measure, timeAggregation: "cumulative" }, reported, upTo);
}

function groupByIndicator(rows: (ReportedTotal & { indicatorId: number })[]): Map<number, ReportedTotal[]> {
  const totals = new Map<number, ReportedTotal[]>();
  for (const { indicatorId, ...total } of rows) {
    const list = totals.get(indicatorId);
    if (list) list.push(total);
    else totals.set(indicatorId, [total]);
  }
  return totals;
}

/**
 * The totals of the indicators, period by period: as entered (whatever their status; computed
 * indicators have none), or as approved (computed ones included, frozen at their approval).
 */
async function reportedTotals(db: Executor, list: readonly Indicator[], source: FigureSource, range: readonly string[] | null = null): Promise<Map<number, ReportedTotal[]>> {
  const ids = list.filter((i) => source === "approved" || i.source === "manual").map((i) => i.id);
  if (ids.length === 0) return new Map();
  const table = valuesTable(source);
  return groupByIndicator(
    await db
      .select(figureColumns(table))
      .from(table)
      .where(and(inArray(table.indicatorId, ids), eq(table.disaggregation, ""), range ? inArray(table.period, [...range]) : undefined)),
  );
}
