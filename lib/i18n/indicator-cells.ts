import type { Language } from "../domain/codes";
import type { IndicatorRow } from "../indicators/indicator-row";
import { formatRatio, localized } from "./format";
import { formatActual, formatMeasureValue } from "./format-figure";
import type { Translator } from "./translator";

/**
 * An indicator's row as people read it, the same on the dashboard and in the donor report: name,
 * notes, baseline, target, actual to date, progress, status and the target due by now. Null parts
 * are for the caller to show as missing.
 */
export function indicatorCells(t: Translator, language: Language, { indicator, actual, progress, status, due }: Pick<IndicatorRow, "indicator" | "actual" | "progress" | "status" | "due">) {
  const unit = localized(language, indicator.unitEn ?? "", indicator.unitFr);
  return {
    code: indicator.code,
    name: localized(language, indicator.nameEn, indicator.nameFr),
    unit: unit && unit !== "%" ? unit : null,
    notes: [
      indicator.timeAggregation === "cumulative" ? t("project.framework.cumulative") : null,
      indicator.source === "registry" ? t("project.framework.fromRegistry") : null,
      indicator.source === "trainings" ? t("project.framework.fromTrainings") : null,
    ].filter((n): n is string => n !== null),
    baseline: indicator.baselineValue === null ? t("common.none") : formatMeasureValue(language, indicator.measure, indicator.baselineValue),
    target: indicator.target === null ? t("project.framework.noTarget") : formatMeasureValue(language, indicator.measure, indicator.target),
    actual: actual ? formatActual(language, actual) : null,
    progress: progress === null ? t("common.none") : formatRatio(language, progress),
    status: t(`dashboard.statusName.${status}`),
    due: due === null ? null : t("common.labelled", { label: t("dashboard.target"), value: formatMeasureValue(language, indicator.measure, due) }),
  };
}
