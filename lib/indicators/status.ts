import type { IndicatorDirection, IndicatorMeasure, TimeAggregation } from "../domain/codes";
import { comparePeriods, periodEnd } from "../periods/period";

/**
 * How an indicator stands against the target due so far: on track when the way travelled from the
 * baseline reaches 90% of the way due, at risk from 60%, off track below. Stated on every dashboard.
 */
export const STATUS_THRESHOLDS = { onTrack: 0.9, atRisk: 0.6 } as const;

export type IndicatorStatus = "on_track" | "at_risk" | "off_track" | "not_due" | "no_data";

export type DueInput = {
  measure: IndicatorMeasure;
  timeAggregation: TimeAggregation;
  baseline: number | null;
  target: number | null;
  periodTargets: readonly { period: string; value: number }[];
  projectStart: string;
  projectEnd: string;
  /** The date the figures stand at, e.g. the end of the latest period reported. */
  asOf: string;
};

/**
 * The target due by a date. With targets per period: for a running total the target of the latest
 * period ended, otherwise the sum of the periods ended. Without them, counts are due in proportion
 * of the project's time elapsed; percentages and means of ratios only at the project's end.
 * Null when nothing is due yet.
 */
export function targetDueBy(input: DueInput): number | null {
  const ended = input.periodTargets.filter((p) => periodEnd(p.period) <= input.asOf).sort((a, b) => comparePeriods(a.period, b.period));
  if (input.periodTargets.length > 0) {
    if (ended.length === 0) return null;
    return input.timeAggregation === "cumulative" ? (ended.at(-1)?.value ?? null) : ended.reduce((sum, p) => sum + p.value, 0);
  }
  if (input.target === null) return null;
  if (input.measure !== "number") return input.asOf >= input.projectEnd ? input.target : null;
  const start = Date.parse(`${input.projectStart}T00:00:00Z`);
  const end = Date.parse(`${input.projectEnd}T00:00:00Z`);
  const now = Date.parse(`${input.asOf}T00:00:00Z`);
  if (now <= start) return null;
  const elapsed = Math.min(1, (now - start) / Math.max(1, end - start));
  const from = input.baseline ?? 0;
  // People and things come whole: a prorated count is rounded.
  return Math.round(from + (input.target - from) * elapsed);
}

/** The status of an actual against the target due, by the thresholds above. */
export function indicatorStatus(input: { direction: IndicatorDirection; baseline: number | null; due: number | null; actual: number | null }): IndicatorStatus {
  if (input.due === null) return "not_due";
  if (input.actual === null) return "no_data";
  const from = input.baseline ?? 0;
  const wayDue = input.direction === "increase" ? input.due - from : from - input.due;
  const travelled = input.direction === "increase" ? input.actual - from : from - input.actual;
  if (wayDue <= 0) return travelled >= wayDue ? "on_track" : "off_track";
  const share = travelled / wayDue;
  if (share >= STATUS_THRESHOLDS.onTrack) return "on_track";
  if (share >= STATUS_THRESHOLDS.atRisk) return "at_risk";
  return "off_track";
}
