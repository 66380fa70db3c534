import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { breakdownByLocation, breakdownByOption, seriesWithTargets, type ValueCell } from "../../lib/charts/indicator-charts";
import { actualToDate } from "../../lib/indicators/actual-to-date";
import { indicatorStatus, targetDueBy, type IndicatorStatus } from "../../lib/indicators/status";
import { comparePeriods, FREQUENCY_PERIOD_TYPE, periodEnd, periodsWithin } from "../../lib/periods/period";
import { endedPeriodRecords, gapsOf, type PeriodState } from "./approved-periods";
import type { PeriodStatus } from "../../lib/domain/codes";
import { indicatorTargets, indicators, locations, type Project } from "../tables";
import type { Executor } from "../engine/types";
import { computedSeriesCells } from "./computed-series";
import { trainingsCountedBy } from "../records/computed-figures";
import { countUniqueParticipants } from "../../lib/trainings/people-trained";
import { listTrainings } from "../trainings/trainings";
import { registryBreaksDown, registryCountsUnderFilter } from "./filtered-registry";
import { listIndicatorFigures, type IndicatorFigure } from "./indicator-figures";
import { listIndicatorDisaggregations } from "../framework/results-framework";
import type { FilteredFigure } from "../../lib/indicators/indicator-row";
import type { IndicatorDetail } from "../../lib/charts/indicator-charts";
import { remember } from "../read-cache";
import { figureColumns, valuesTable } from "./values-table";
import { dbOf, seesUnapprovedFigures, viewerKey, type QueryContext } from "../users/viewer";

export type DashboardIndicator = IndicatorFigure & { due: number | null; status: IndicatorStatus; filtered: FilteredFigure | null };

export type ProjectDashboard = {
  indicators: DashboardIndicator[];
  approvedOnly: boolean;
  /** Each period of the project up to the figures' date, as donors see it: approved, awaiting approval, not reported. */
  periods: PeriodState[];
  /** For those who see figures in progress, where each of those periods' workflow stands; null for approved figures only. */
  workflow: Record<string, PeriodStatus> | null;
  /** The latest approved period and when it was approved. */
  latestApproved: { period: string; at: string | null } | null;
  detail: IndicatorDetail | null;
};

/**
 * The project dashboard's numbers, computed on the server: each indicator with its status against the
 * target due by the latest period reported, and for one indicator (entered by hand) its time series,
 * breakdowns and figures by place. Donors, and whoever asks, get approved figures only.
 */
export type DashboardFilters = {
  approvedOnly: boolean;
  indicatorCode?: string;
  /** The charts start at this period. */
  from?: string;
  /** Figures as they stood at the end of this period. */
  to?: string;
  /** The charts of one place (a location code of the project). */
  location?: string;
  /** The charts of one option ("sex=female") instead of the totals. */
  disaggregation?: string;
  today: string;
};

export async function getProjectDashboard(ctx: QueryContext, project: Project, options: DashboardFilters): Promise<ProjectDashboard> {
  return remember(dbOf(ctx), `dashboard|${viewerKey(ctx.viewer)}|${project.id}|${project.version}|${JSON.stringify(options)}`, () =>
    computeProjectDashboard(ctx, project, options),
  );
}

async function computeProjectDashboard(ctx: QueryContext, project: Project, options: DashboardFilters): Promise<ProjectDashboard> {
  const db = dbOf(ctx);
  const approvedOnly = options.approvedOnly || !seesUnapprovedFigures(ctx.viewer);
  const figures = await listIndicatorFigures(ctx, project.id, { approvedOnly, upTo: options.to });
  const targets = await db
    .select({ indicatorId: indicatorTargets.indicatorId, period: indicatorTargets.period, value: indicatorTargets.value })
    .from(indicatorTargets)
    .innerJoin(indicators, eq(indicatorTargets.indicatorId, indicators.id))
    .where(eq(indicators.projectId, project.id));
  // The range of the filters reaches the database as the project's periods within it.
  const range = options.from || options.to ? periodsWithin(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency], options) : null;
  const records = (await endedPeriodRecords(db, [project], options.today, { to: options.to })).get(project.id) ?? [];
  const periods = records.map(({ period, state }) => ({ period, state }));
  const latestRecord = records.filter((p) => p.state === "approved").at(-1);
  const latest = latestRecord ? { period: latestRecord.period, at: latestRecord.approvedAt } : undefined;
  const workflow = approvedOnly ? null : Object.fromEntries(records.map((p) => [p.period, p.status]));
  const asOfCandidate = options.to ? periodEnd(options.to) : approvedOnly && latest ? periodEnd(latest.period) : options.today;
  const asOf = asOfCandidate < project.endDate ? asOfCandidate : project.endDate;

  const disaggregations = await listIndicatorDisaggregations(ctx, project.id);
  const placeId = options.location ? ((await db.select({ id: locations.id }).from(locations).where(eq(locations.code, options.location)))[0]?.id ?? -1) : undefined;
  const gaps = approvedOnly ? gapsOf(periods.filter((p) => !options.from || comparePeriods(p.period, options.from) >= 0)) : undefined;
  const filtered = options.location || options.disaggregation ? await filteredFigures({ ...ctx, db }, project, figures, options, approvedOnly, disaggregations, placeId) : null;
  const withStatus = figures.map((figure) => {
    const due = targetDueBy({
      measure: figure.indicator.measure,
      timeAggregation: figure.indicator.timeAggregation,
      baseline: figure.indicator.baselineValue,
      target: figure.indicator.target,
      periodTargets: targets.filter((t) => t.indicatorId === figure.indicator.id),
      projectStart: project.startDate,
      projectEnd: project.endDate,
      asOf,
    });
    const status = indicatorStatus({ direction: figure.indicator.direction, baseline: figure.indicator.baselineValue, due, actual: figure.actual?.value ?? null });
    return { ...figure, due, status, filtered: filtered?.get(figure.indicator.id) ?? null };
  });

  // Without a choice, the first entered indicator with a figure: its charts can follow the place and breakdown filters.
  const chosen =
    figures.find((f) => f.indicator.code === options.indicatorCode) ??
    figures.find((f) => f.indicator.source === "manual" && !f.indicator.isContext && f.actual !== null) ??
    figures.find((f) => !f.indicator.isContext && f.actual !== null) ??
    null;
  let detail: IndicatorDetail | null = null;
  if (chosen && chosen.indicator.source !== "manual") {
    const cells = await computedSeriesCells(db, project, chosen.indicator, { approvedOnly, today: options.today, from: options.from, to: options.to });
    const series = seriesWithTargets(
      { measure: chosen.indicator.measure, timeAggregation: "cumulative" },
      cells,
      targets.filter((t) => t.indicatorId === chosen.indicator.id),
      gaps,
    );
    // A running total has nothing "reported in the period" of its own: the line alone tells it.
    detail = { indicator: chosen.indicator, fromRecords: true, series: series.map((row) => ({ ...row, reported: null })), breakdowns: [], byLocation: [] };
  } else if (chosen) {
    const table = valuesTable(approvedOnly ? "approved" : "entered");
    const cells: ValueCell[] = await db
      .select(figureColumns(table))
      .from(table)
      .where(and(eq(table.indicatorId, chosen.indicator.id), placeId === undefined ? undefined : eq(table.locationId, placeId), range ? inArray(table.period, range) : undefined));
    const rule = chosen.indicator;
    const places = new Map((await db.select({ id: locations.id, code: locations.code, nameEn: locations.nameEn, nameFr: locations.nameFr }).from(locations)).map((l) => [l.id, l]));
    const dimensions = disaggregations.get(chosen.indicator.id) ?? [];
    detail = {
      indicator: chosen.indicator,
      fromRecords: false,
      series: seriesWithTargets(
        rule,
        cells.filter((c) => c.disaggregation === (options.disaggregation ?? "")),
        options.disaggregation ? [] : targets.filter((t) => t.indicatorId === chosen.indicator.id),
        gaps,
      ),
      breakdowns: dimensions.map((d) => ({ dimension: d.dimension, rows: breakdownByOption(rule, cells, d.dimension, d.options) })).filter((b) => b.rows.length > 0),
      byLocation: breakdownByLocation(rule, cells)
        .flatMap(({ locationId, value }) => {
          const place = places.get(locationId);
          return place ? [{ code: place.code, nameEn: place.nameEn, nameFr: place.nameFr, value }] : [];
        })
        .sort((a, b) => a.nameEn.localeCompare(b.nameEn)),
    };
  }
  return { indicators: withStatus, approvedOnly, periods, workflow, latestApproved: latest ?? null, detail };
}

/**
 * The actuals of the indicators under a place or breakdown filter: entered figures by the rules of
 * their indicator, people counted from the registry at the place and in the sex or group.
 */
async function filteredFigures(
  ctx: QueryContext & { db: Executor },
  project: Project,
  figures: readonly IndicatorFigure[],
  options: DashboardFilters,
  approvedOnly: boolean,
  dimensions: ReadonlyMap<number, readonly { dimension: string }[]>,
  place: number | undefined,
): Promise<Map<number, FilteredFigure>> {
  const { db } = ctx;
  const table = valuesTable(approvedOnly ? "approved" : "entered");
  const dimension = options.disaggregation?.split("=")[0];
  const manual = figures.filter((f) => f.indicator.source === "manual").map((f) => f.indicator.id);
  const rows =
    manual.length === 0
      ? []
      : await db
          .select(figureColumns(table))
          .from(table)
          .where(and(inArray(table.indicatorId, manual), eq(table.disaggregation, options.disaggregation ?? ""), place === undefined ? undefined : eq(table.locationId, place)));
  const fromRegistry = figures.filter((f) => f.indicator.source === "registry" && f.actual !== null);
  const people =
    fromRegistry.length > 0 && registryBreaksDown(options.disaggregation)
      ? await registryCountsUnderFilter(db, project.id, [...new Set(fromRegistry.flatMap((f) => (f.indicator.sourceServiceCode ? [f.indicator.sourceServiceCode] : [])))], {
          location: options.location,
          option: options.disaggregation,
          to: options.to,
          approvedOnly,
        })
      : null;
  // Trainings know their place, not the sex of each participant counted once: the place filter alone.
  const fromTrainings = figures.some((f) => f.indicator.source === "trainings" && f.actual !== null);
  const trainingsThere =
    fromTrainings && options.location && !options.disaggregation
      ? (await listTrainings(ctx, project.id, { approvedOnly, through: options.to })).records.filter((r) => r.locationCode === options.location)
      : null;
  const result = new Map<number, FilteredFigure>();
  for (const { indicator, actual } of figures) {
    const counted = indicator.source === "registry" && actual !== null ? people?.get(indicator.sourceServiceCode ?? "") : undefined;
    if (counted !== undefined) result.set(indicator.id, { kind: "actual", actual: { kind: "number", value: counted } });
    else if (indicator.source === "registry") result.set(indicator.id, actual === null ? { kind: "actual", actual: null } : { kind: "not_broken_down" });
    else if (indicator.source === "trainings" && trainingsThere && actual !== null)
      result.set(indicator.id, { kind: "actual", actual: { kind: "number", value: countUniqueParticipants(trainingsCountedBy(indicator, trainingsThere)) } });
    else if (indicator.source === "trainings") result.set(indicator.id, actual === null ? { kind: "actual", actual: null } : { kind: "not_broken_down" });
    else if (dimension && !(dimensions.get(indicator.id) ?? []).some((d) => d.dimension === dimension)) result.set(indicator.id, { kind: "not_broken_down" });
    else
      result.set(indicator.id, {
        kind: "actual",
        actual: actualToDate(
          indicator,
          rows.filter((r) => r.indicatorId === indicator.id),
          options.to,
        ),
      });
  }
  return result;
}
