import type { IndicatorMeasure } from "../domain/codes";
import { partsOf, sumFigures, type Actual } from "./actual";

/**
 * The figure of an entered indicator over several projects (the phases of a programme): counts add
 * up, percentages and means of ratios add their numerators and denominators. Projects without an
 * actual are left out; none at all gives none. Counts of people computed from the registry must not
 * be combined this way (a person in two phases would count twice): count the registry across projects.
 */
export function combineActuals(measure: IndicatorMeasure, actuals: readonly (Actual | null)[]): Actual | null {
  return sumFigures(
    measure,
    actuals.flatMap((a) => (a ? [partsOf(a)] : [])),
  );
}
