import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { sumFigures, type Actual } from "../../lib/indicators/actual";
import type { SeriesGap } from "../../lib/charts/indicator-charts";
import type { IndicatorStatus } from "../../lib/indicators/status";
import { comparePeriods, FREQUENCY_PERIOD_TYPE, periodEnd, periodsBetween } from "../../lib/periods/period";
import { indicatorTargets, results, type Indicator, type Project, type Result } from "../tables";
import { gapsOf } from "./approved-periods";
import { actualOf, loadFigureInputs } from "./indicator-figures";
import { getProjectDashboard, type ProjectDashboard } from "./project-dashboard";
import { dbOf, type QueryContext } from "../users/viewer";

/**
 * A period's target and actual; approved-only tables mark a period awaiting approval or not reported
 * as a gap, with no actual. Other tables show every actual and say whether its period is approved now.
 */
export type TrackingPeriod = { target: number | null; actual: Actual | null; gap: SeriesGap | null; approved: boolean };

export type TrackingRow = {
  project: Project;
  result: Result | null;
  indicator: Indicator;
  /** Per period: the target set for it and what was reported for it (summed over places; computed figures as they stood at its end). */
  periods: Map<string, TrackingPeriod>;
  toDate: Actual | null;
  progress: number | null;
  due: number | null;
  status: IndicatorStatus;
};

export type TrackingTable = {
  /** Every reporting period of the projects, in order. */
  periods: string[];
  rows: TrackingRow[];
  approvedOnly: boolean;
  latestApproved: Map<number, ProjectDashboard["latestApproved"]>;
};

/**
 * The indicator tracking table of visible projects (a project, or the phases of a programme): for
 * each indicator, its targets and actuals period by period, its actual to date, progress and status,
 * the same figures as the project dashboard shows (approved only for donors and whoever asks).
 */
export async function getTrackingTable(ctx: QueryContext, projects: readonly Project[], options: { approvedOnly: boolean; today: string }): Promise<TrackingTable> {
  const db = dbOf(ctx);
  const rows: TrackingRow[] = [];
  const periods = new Set<string>();
  const latestApproved = new Map<number, ProjectDashboard["latestApproved"]>();
  let approvedOnly = options.approvedOnly;
  for (const project of projects) {
    const dashboard = await getProjectDashboard(ctx, project, { approvedOnly: options.approvedOnly, today: options.today });
    approvedOnly = dashboard.approvedOnly;
    latestApproved.set(project.id, dashboard.latestApproved);
    const inputs = await loadFigureInputs(ctx, project.id, { approvedOnly: dashboard.approvedOnly });
    const projectPeriods = periodsBetween(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency]);
    for (const period of projectPeriods) periods.add(period);
    const ids = inputs.list.map((i) => i.id);
    const targets = ids.length === 0 ? [] : await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids));
    const resultsById = new Map((await db.select().from(results).where(eq(results.projectId, project.id)).orderBy(asc(results.position))).map((r) => [r.id, r]));
    const gaps = dashboard.approvedOnly ? gapsOf(dashboard.periods) : new Map<string, SeriesGap>();
    // A running period is never approved: the ended ones' workflow says which are now.
    const approvedNow = new Set(Object.entries(dashboard.workflow ?? {}).flatMap(([period, status]) => (status === "approved" ? [period] : [])));
    for (const figure of dashboard.indicators) {
      const { indicator } = figure;
      const reported = inputs.totals.get(indicator.id) ?? [];
      const byPeriod = new Map<string, TrackingPeriod>();
      for (const period of projectPeriods) {
        const target = targets.find((t) => t.indicatorId === indicator.id && t.period === period)?.value ?? null;
        const actual =
          indicator.source === "manual"
            ? sumFigures(
                indicator.measure,
                reported.filter((r) => r.period === period),
              )
            : periodEnd(period) <= options.today || !inputs.records
              ? await reportedOrComputed(indicator, reported, inputs.records, period)
              : null;
        const gap = gaps.get(period) ?? null;
        if (target !== null || actual !== null || gap !== null)
          byPeriod.set(period, { target, actual: gap ? null : actual, gap, approved: dashboard.approvedOnly || approvedNow.has(period) });
      }
      rows.push({
        project,
        result: indicator.resultId === null ? null : (resultsById.get(indicator.resultId) ?? null),
        indicator,
        periods: byPeriod,
        toDate: figure.actual,
        progress: figure.progress,
        due: figure.due,
        status: figure.status,
      });
    }
  }
  return { periods: [...periods].sort(comparePeriods), rows, approvedOnly, latestApproved };
}

// A computed figure of a period: as approved for it, or counted from the records at its end.
async function reportedOrComputed(indicator: Indicator, reported: Parameters<typeof actualOf>[1], records: Parameters<typeof actualOf>[2], period: string): Promise<Actual | null> {
  if (records) return await actualOf(indicator, reported, records, period, periodEnd(period));
  const approved = reported.filter((r) => r.period === period);
  return approved.length === 0 ? null : await actualOf(indicator, approved, null, period, periodEnd(period));
}
