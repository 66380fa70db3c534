import type { Warning } from "./problems";

/** A figure more than 3 times, or less than a third of, the previous period's is saved with a warning. */
export function checkAgainstPrevious(current: number, previous: { value: number; period: string } | null): Warning | null {
  if (!previous || previous.value <= 0 || current < 0) return null;
  if (current > previous.value * 3) return { code: "much_higher_than_previous", previous: previous.value, previousPeriod: previous.period };
  if (current < previous.value / 3) return { code: "much_lower_than_previous", previous: previous.value, previousPeriod: previous.period };
  return null;
}
