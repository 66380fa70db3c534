import { decodeOptionKey } from "../disaggregation/option-key";
import type { FigureParts } from "../indicators/actual";
import { actualToDate, timeSeries, type ActualRule, type ReportedTotal } from "../indicators/actual-to-date";
import { comparePeriods } from "../periods/period";
import type { IndicatorFields } from "../indicators/indicator-row";

// The numbers an indicator's charts draw, shaped on the server: the client gets only these rows.

/** A period a donor cannot see yet: ended without an approval, or marked not reported by an admin. */
export type SeriesGap = "awaiting_approval" | "not_reported";

/** A point of the time series; a gap has no figure (never joined over by the line, never counted). */
export type SeriesRow = { period: string; reported: number | null; toDate: number | null; target: number | null; gap: SeriesGap | null };

/**
 * Per period: what was reported, the actual to date (the cumulative line), and the target due by
 * then (period targets added up, or the latest one for a running total). Periods given as gaps come
 * in their place in time with the target alone.
 */
export function seriesWithTargets(
  rule: ActualRule,
  totals: readonly ReportedTotal[],
  periodTargets: readonly { period: string; value: number }[],
  gaps: ReadonlyMap<string, SeriesGap> = new Map(),
): SeriesRow[] {
  const sortedTargets = [...periodTargets].sort((a, b) => comparePeriods(a.period, b.period));
  const targetBy = (period: string) => {
    const due = sortedTargets.filter((t) => comparePeriods(t.period, period) <= 0);
    return due.length === 0 ? null : rule.timeAggregation === "cumulative" ? (due.at(-1)?.value ?? null) : due.reduce((sum, t) => sum + t.value, 0);
  };
  const reported: SeriesRow[] = timeSeries(
    rule,
    totals.filter((t) => !gaps.has(t.period)),
  ).map(({ period, reported, toDate }) => ({ period, reported: reported.value, toDate: toDate.value, target: targetBy(period), gap: null }));
  const missing: SeriesRow[] = [...gaps].map(([period, gap]) => ({ period, reported: null, toDate: null, target: targetBy(period), gap }));
  return [...reported, ...missing].sort((a, b) => comparePeriods(a.period, b.period));
}

export type ValueCell = FigureParts & { period: string; locationId: number; disaggregation: string };
export type BreakdownRow = { key: string; value: number };

/** The actual to date of each option of one dimension (cells broken down by that dimension alone). */
export function breakdownByOption(rule: ActualRule, cells: readonly ValueCell[], dimension: string, options: readonly string[]): BreakdownRow[] {
  return options.flatMap((option) => {
    const own = cells.filter((c) => {
      const set = decodeOptionKey(c.disaggregation);
      return set !== null && Object.keys(set).length === 1 && set[dimension] === option;
    });
    const actual = actualToDate(rule, own);
    return actual ? [{ key: option, value: actual.value }] : [];
  });
}

/** The actual to date of each location, from the totals. */
export function breakdownByLocation(rule: ActualRule, cells: readonly ValueCell[]): { locationId: number; value: number }[] {
  const totals = cells.filter((c) => c.disaggregation === "");
  return [...new Set(totals.map((c) => c.locationId))].flatMap((locationId) => {
    const actual = actualToDate(rule, totals.filter((c) => c.locationId === locationId));
    return actual ? [{ locationId, value: actual.value }] : [];
  });
}

/** One indicator's charts: its time series, breakdowns and figures by place. */
export type IndicatorDetail = {
  indicator: IndicatorFields;
  /** Counted from records: a running total per period, which the place and breakdown filters do not reach. */
  fromRecords: boolean;
  series: SeriesRow[];
  breakdowns: { dimension: string; rows: BreakdownRow[] }[];
  byLocation: { code: string; nameEn: string; nameFr: string | null; value: number }[];
};
