import type { IndicatorMeasure, TimeAggregation } from "../domain/codes";
import { comparePeriods } from "../periods/period";
import { sumFigures, type Actual, type FigureParts } from "./actual";

/** A reported total (no disaggregation option) of one indicator, period and location. */
export type ReportedTotal = FigureParts & { period: string; locationId: number };

export type ActualRule = { measure: IndicatorMeasure; timeAggregation: TimeAggregation };

/**
 * The actual to date of an indicator from its reported totals.
 * - incremental: the sum over every period and location;
 * - cumulative: for each location its value of the latest period it reported (a location that
 *   skipped the latest period keeps its last value; a back-dated correction of an earlier period
 *   never overrides a later one), summed over locations;
 * - percentages and means of ratios: the sum of numerators over the sum of denominators.
 * Null when nothing was reported: missing is not zero.
 * `upTo` (a period) leaves out what was reported for periods that end after it.
 */
export function actualToDate(rule: ActualRule, totals: readonly ReportedTotal[], upTo?: string): Actual | null {
  const considered = upTo === undefined ? totals : totals.filter((t) => comparePeriods(t.period, upTo) <= 0);
  if (rule.timeAggregation === "incremental") return sumFigures(rule.measure, considered);
  return sumFigures(rule.measure, [...latestByLocation(considered).values()]);
}

function latestByLocation(totals: readonly ReportedTotal[]): Map<number, ReportedTotal> {
  const latest = new Map<number, ReportedTotal>();
  for (const total of totals) {
    const current = latest.get(total.locationId);
    if (!current || comparePeriods(total.period, current.period) > 0) latest.set(total.locationId, total);
  }
  return latest;
}

/**
 * The points of a time series: for each period that has figures, what was reported for it (summed
 * over locations) and the actual to date at its end.
 */
export function timeSeries(
  rule: ActualRule,
  totals: readonly ReportedTotal[],
): { period: string; reported: Actual; toDate: Actual }[] {
  const periods = [...new Set(totals.map((t) => t.period))].sort(comparePeriods);
  return periods.flatMap((period) => {
    const reported = sumFigures(rule.measure, totals.filter((t) => t.period === period));
    const toDate = actualToDate(rule, totals, period);
    return reported && toDate ? [{ period, reported, toDate }] : [];
  });
}
