import type { IndicatorMeasure } from "../domain/codes";

/**
 * An indicator's figure. For percentage and mean-of-ratios indicators `value` is
 * 100 x numerator / denominator and both parts are kept, so that figures combine by summing the
 * parts, never by averaging percentages.
 */
export type Actual =
  | { kind: "number"; value: number }
  | { kind: "ratio"; value: number; numerator: number; denominator: number };

export function isRatioMeasure(measure: IndicatorMeasure): boolean {
  return measure === "percentage" || measure === "mean_of_ratios";
}

export function ratioActual(numerator: number, denominator: number): Actual | null {
  if (denominator === 0) return null;
  return { kind: "ratio", value: (100 * numerator) / denominator, numerator, denominator };
}

/** The parts of a reported figure: a value for numbers, a numerator and denominator for ratios. */
export type FigureParts = { value: number | null; numerator: number | null; denominator: number | null };

/**
 * Adds figures of one measure: numbers add up; ratios add their numerators and denominators.
 * Null when there is nothing to add: missing is not zero.
 */
export function sumFigures(measure: IndicatorMeasure, figures: readonly FigureParts[]): Actual | null {
  if (isRatioMeasure(measure)) {
    const usable = figures.filter((f) => f.numerator !== null && f.denominator !== null);
    if (usable.length === 0) return null;
    const numerator = usable.reduce((sum, f) => sum + (f.numerator ?? 0), 0);
    const denominator = usable.reduce((sum, f) => sum + (f.denominator ?? 0), 0);
    return ratioActual(numerator, denominator);
  }
  const usable = figures.filter((f) => f.value !== null);
  if (usable.length === 0) return null;
  return { kind: "number", value: usable.reduce((sum, f) => sum + (f.value ?? 0), 0) };
}

/** The parts of an actual, to add it to others. */
export function partsOf(actual: Actual): FigureParts {
  return actual.kind === "ratio"
    ? { value: null, numerator: actual.numerator, denominator: actual.denominator }
    : { value: actual.value, numerator: null, denominator: null };
}
