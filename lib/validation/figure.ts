import type { IndicatorMeasure, Language } from "../domain/codes";
import type { FigureParts } from "../indicators/actual";
import type { Problem } from "./problems";

/** What a form or an API call sends for one cell, before checking: anything at all. */
export type RawFigure = { value?: unknown; numerator?: unknown; denominator?: unknown };

type Field = "value" | "numerator" | "denominator";
type Read = { kind: "empty" } | { kind: "number"; number: number } | { kind: "problem"; problem: Problem };

const isBlank = (raw: unknown) => raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");

/** Reads one number: from JSON a finite number, from a form a plain decimal ("1500", "12.5", "12,5"). */
function readNumber(raw: unknown, field: Field, wholeNumber: boolean, mayBeNegative = false): Read {
  if (isBlank(raw)) return { kind: "empty" };
  let number: number;
  if (typeof raw === "number") number = raw;
  else if (typeof raw === "string" && /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(raw.trim())) number = Number(raw.trim().replace(",", "."));
  else return { kind: "problem", problem: { code: "not_a_number", field } };
  if (!Number.isFinite(number) || Math.abs(number) > 1e15) return { kind: "problem", problem: { code: "not_a_number", field } };
  if (number < 0 && !mayBeNegative) return { kind: "problem", problem: { code: "negative", field } };
  if (wholeNumber && !Number.isInteger(number)) return { kind: "problem", problem: { code: "decimal_in_count", field } };
  return { kind: "number", number };
}

export type FigureCheck = { ok: true; figure: FigureParts | null } | { ok: false; problems: Problem[] };

/**
 * Checks what was entered for one cell of an indicator. Counts are whole numbers of at least 0;
 * a percentage is a count out of a count, the first no greater than the second; a mean of ratios is
 * a sum of ratios (which may be negative, as a fall in income is) over a number of respondents.
 * An empty cell is a missing figure (null), never a zero.
 */
export function checkFigure(measure: IndicatorMeasure, raw: RawFigure): FigureCheck {
  if (measure === "number") {
    if (!isBlank(raw.numerator) || !isBlank(raw.denominator)) return { ok: false, problems: [{ code: "needs_value" }] };
    const value = readNumber(raw.value, "value", true);
    if (value.kind === "problem") return { ok: false, problems: [value.problem] };
    return { ok: true, figure: value.kind === "empty" ? null : { value: value.number, numerator: null, denominator: null } };
  }

  if (!isBlank(raw.value)) return { ok: false, problems: [{ code: "needs_numerator_and_denominator" }] };
  const numerator = readNumber(raw.numerator, "numerator", measure === "percentage", measure === "mean_of_ratios");
  const denominator = readNumber(raw.denominator, "denominator", true);
  const problems = [numerator, denominator].flatMap((r) => (r.kind === "problem" ? [r.problem] : []));
  if (problems.length > 0) return { ok: false, problems };
  if (numerator.kind === "empty" && denominator.kind === "empty") return { ok: true, figure: null };
  if (numerator.kind !== "number" || denominator.kind !== "number") return { ok: false, problems: [{ code: "needs_numerator_and_denominator" }] };
  if (denominator.number === 0) return { ok: false, problems: [{ code: "zero_denominator" }] };
  if (measure === "percentage" && numerator.number > denominator.number) return { ok: false, problems: [{ code: "numerator_over_denominator" }] };
  return { ok: true, figure: { value: null, numerator: numerator.number, denominator: denominator.number } };
}

/**
 * A number as a person types it, written plainly: thousands separators of their language dropped
 * ("1,234.5" in English, "1 234,5" or "1.234,5" in French give "1234.5" and "1234,5"), so that
 * "1,234" is never read as 1.234. Text that is not such a number is given back as typed, for the
 * checks above to name.
 */
export function plainNumber(text: string, language: Language): string {
  const trimmed = text.trim();
  const spaced = /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/;
  if (spaced.test(trimmed)) return trimmed.replace(/[ \u00a0\u202f]/g, "");
  const grouped = language === "fr" ? /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/ : /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
  return grouped.test(trimmed) ? trimmed.replaceAll(language === "fr" ? "." : ",", "") : trimmed;
}
