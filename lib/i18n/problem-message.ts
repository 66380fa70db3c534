import type { Language } from "../domain/codes";
import { DIMENSION_CODES } from "../domain/codes";
import type { Problem, Warning } from "../validation/problems";
import type { TransitionRefusal } from "../workflow/period-workflow";
import { dayAfter, periodEnd } from "../periods/period";
import { formatDate, formatList, formatNumber, formatPeriod } from "./format";
import type { Translator } from "./translator";

const dimensionName = (t: Translator, code: string) =>
  code in DIMENSION_CODES ? t(`dimension.${code as keyof typeof DIMENSION_CODES}`) : code;

/** The message of a validation problem, in the translator's language. */
export function problemMessage(t: Translator, language: Language, problem: Problem): string {
  switch (problem.code) {
    case "unknown_dimension":
      return t("validation.unknown_dimension", { dimension: dimensionName(t, problem.dimension) });
    case "unknown_option":
      return t("validation.unknown_option", { option: problem.option, dimension: dimensionName(t, problem.dimension) });
    case "breakdown_mismatch":
      return t("validation.breakdown_mismatch", {
        dimension: dimensionName(t, problem.dimension),
        expected: formatNumber(language, problem.expected),
        actual: formatNumber(language, problem.actual),
      });
    case "unknown_location":
      return t("validation.unknown_location", { location: problem.location });
    case "invalid_period":
    case "period_outside_project":
    case "period_not_begun":
      return t(`validation.${problem.code}`, { period: formatPeriod(language, problem.period) });
    case "wrong_period_type":
      return t("validation.wrong_period_type", { period: formatPeriod(language, problem.period), expected: problem.expected });
    case "period_locked":
      return t("validation.period_locked", { period: formatPeriod(language, problem.period), status: problem.status });
    default:
      return t(`validation.${problem.code}`);
  }
}

export function warningMessage(t: Translator, language: Language, warning: Warning): string {
  return t(`warning.${warning.code}`, { previous: formatNumber(language, warning.previous), previousPeriod: formatPeriod(language, warning.previousPeriod) });
}

/** Why a step of the approval was refused, with what the caller needs to put it right. */
export function refusalMessage(
  t: Translator,
  language: Language,
  refused: { refusal: TransitionRefusal; status: string; period: string; earlier?: readonly string[]; gaps?: readonly unknown[] },
): string {
  switch (refused.refusal) {
    case "wrong_status":
      return t("workflow.wrong_status", { status: refused.status });
    case "not_ended":
      return t("workflow.not_ended", { period: formatPeriod(language, refused.period), date: formatDate(language, dayAfter(periodEnd(refused.period))) });
    case "earlier_not_approved": {
      const earlier = refused.earlier ?? [];
      return t("workflow.earlier_not_approved", { periods: formatList(language, earlier.map((p) => formatPeriod(language, p))), count: earlier.length });
    }
    case "gaps_need_comment":
      return t("workflow.gaps_need_comment", { count: refused.gaps?.length ?? 0 });
    default:
      return t(`workflow.${refused.refusal}`);
  }
}
