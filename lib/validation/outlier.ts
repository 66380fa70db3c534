import type { FigureParts } from "../indicators/actual";
import type { Warning } from "./problems";

/** A figure more than 3 times, or less than a third of, the previous period's is saved with a warning. */
export function checkAgainstPrevious(current: number, previous: { value: number; period: string } | null): Warning | null {
  if (!previous || previous.value <= 0 || current < 0) return null;
  if (current > previous.value * 3) return { code: "much_higher_than_previous", previous: previous.value, previousPeriod: previous.period };
  if (current < previous.value / 3) return { code: "much_lower_than_previous", previous: previous.value, previousPeriod: previous.period };
  return null;
}

/** What two figures are compared by: the value, or the percentage of a ratio; null for a figure that is not there. */
function comparable(figure: FigureParts | null): number | null {
  if (!figure) return null;
  if (figure.value !== null) return figure.value;
  return figure.denominator ? (100 * (figure.numerator ?? 0)) / figure.denominator : null;
}

/**
 * The warning on a figure against the same cell's figure of the previous period: the server's when it
 * saves, the grid's as the manager leaves the cell.
 */
export function checkFigureAgainstPrevious(current: FigureParts | null, previous: { figure: FigureParts; period: string } | null): Warning | null {
  const now = comparable(current);
  const before = comparable(previous?.figure ?? null);
  return now === null || before === null || !previous ? null : checkAgainstPrevious(now, { value: before, period: previous.period });
}
