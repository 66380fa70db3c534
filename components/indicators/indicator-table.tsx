import type { DashboardIndicator } from "@/db/queries/project-dashboard";
import { formatActual, formatMeasureValue } from "@/lib/i18n/format-figure";
import { formatRatio, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/server";

/** Baseline, target, actual to date and progress of each indicator. */
export async function IndicatorTable({ figures, caption }: { figures: DashboardIndicator[]; caption: string }) {
  const { t, language } = await getTranslator();
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("project.framework.indicator")}</th>
            <th scope="col" className="num">
              {t("project.framework.baseline")}
            </th>
            <th scope="col" className="num">
              {t("project.framework.target")}
            </th>
            <th scope="col" className="num">
              {t("project.framework.actual")}
            </th>
            <th scope="col" className="num">
              {t("project.framework.progress")}
            </th>
            <th scope="col">{t("dashboard.status")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map(({ indicator, actual, progress, status, due }) => {
            const unit = localized(language, indicator.unitEn ?? "", indicator.unitFr);
            const notes = [
              indicator.timeAggregation === "cumulative" ? t("project.framework.cumulative") : null,
              indicator.source === "registry" ? t("project.framework.fromRegistry") : null,
              indicator.source === "trainings" ? t("project.framework.fromTrainings") : null,
            ].filter(Boolean);
            return (
              <tr key={indicator.id}>
                <th scope="row">
                  <span className="code">{indicator.code}</span> {localized(language, indicator.nameEn, indicator.nameFr)}
                  {unit && unit !== "%" && <span className="muted"> ({unit})</span>}
                  {notes.length > 0 && <span className="hint">{notes.join(" · ")}</span>}
                </th>
                <td className="num">{indicator.baselineValue === null ? t("common.none") : formatMeasureValue(language, indicator.measure, indicator.baselineValue)}</td>
                <td className="num">{indicator.target === null ? t("project.framework.noTarget") : formatMeasureValue(language, indicator.measure, indicator.target)}</td>
                <td className="num">{actual ? formatActual(language, actual) : <span className="muted">{t("project.framework.noActual")}</span>}</td>
                <td className="num">{progress === null ? t("common.none") : formatRatio(language, progress)}</td>
                <td>
                  <span className={`status status-${status}`}>{t(`dashboard.statusName.${status}`)}</span>
                  {due !== null && <span className="hint">{t("dashboard.target")}: {formatMeasureValue(language, indicator.measure, due)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
