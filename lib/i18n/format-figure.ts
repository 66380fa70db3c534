import type { Language } from "../domain/codes";
import type { IndicatorMeasure } from "../domain/codes";
import type { Actual } from "../indicators/actual";
import { isRatioMeasure } from "../indicators/actual";
import { formatNumber, formatPercent } from "./format";

/** An actual as people read it: "3,200", or "63% (1,134/1,800)" with its numerator and denominator. */
export function formatActual(language: Language, actual: Actual): string {
  if (actual.kind === "number") return formatNumber(language, actual.value);
  return `${formatPercent(language, actual.value)} (${formatNumber(language, actual.numerator)}/${formatNumber(language, actual.denominator)})`;
}

/** A baseline or target: a percentage for ratio measures (stored as 0-100), a number otherwise. */
export function formatMeasureValue(language: Language, measure: IndicatorMeasure, value: number): string {
  return isRatioMeasure(measure) ? formatPercent(language, value) : formatNumber(language, value);
}
