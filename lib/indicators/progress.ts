import type { IndicatorDirection } from "../domain/codes";

export type ProgressInput = {
  direction: IndicatorDirection;
  baseline: number | null;
  target: number | null;
  actual: number | null;
};

/**
 * Progress toward a target as a fraction (1 = target reached), not clamped: 1.2 is shown as 120%.
 * increase: (actual - baseline) / (target - baseline); decrease: (baseline - actual) / (baseline - target).
 * Null without a target or an actual, and when target and baseline are equal. A missing baseline
 * counts as 0 for an increase; a decrease needs a baseline to be measured from.
 */
export function progress({ direction, baseline, target, actual }: ProgressInput): number | null {
  if (target === null || actual === null) return null;
  if (direction === "increase") {
    const from = baseline ?? 0;
    return target === from ? null : (actual - from) / (target - from);
  }
  if (baseline === null || baseline === target) return null;
  return (baseline - actual) / (baseline - target);
}
