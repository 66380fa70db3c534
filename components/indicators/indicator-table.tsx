import { formatActual } from "@/lib/i18n/format-figure";
import type { FilteredFigure, IndicatorRow } from "@/lib/indicators/indicator-row";
import { indicatorCells } from "@/lib/i18n/indicator-cells";
import type { Words } from "@/components/ui/words";

/**
 * Baseline, target, actual to date and progress of each indicator. Under a place or breakdown
 * filter (`filterLabel`), the filtered actual comes first, then the whole project's actual with the
 * target, progress and status, which are set for the whole project.
 */
export function IndicatorTable({ words, figures, caption, filterLabel }: { words: Words; figures: IndicatorRow[]; caption: string; filterLabel?: string }) {
  const { t, language } = words;
  const filteredCell = (filtered: FilteredFigure | null) => {
    if (filtered?.kind === "actual") return filtered.actual ? formatActual(language, filtered.actual) : <span className="muted">{t("project.framework.noActual")}</span>;
    return <span className="muted">{t("dashboard.notBrokenDown")}</span>;
  };
  return (
    <div className="table-scroll">
      <table className="indicator-table stack-on-phone">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("project.framework.indicator")}</th>
            {filterLabel ? (
              <>
                <th scope="col" className="num">
                  {filterLabel}
                </th>
                <th scope="col" className="num">
                  {t("dashboard.wholeProject")}
                </th>
              </>
            ) : (
              <th scope="col" className="num">
                {t("project.framework.baseline")}
              </th>
            )}
            <th scope="col" className="num">
              {t("project.framework.target")}
            </th>
            {!filterLabel && (
              <th scope="col" className="num">
                {t("project.framework.actual")}
              </th>
            )}
            <th scope="col" className="num">
              {t("project.framework.progress")}
            </th>
            <th scope="col">{t("dashboard.status")}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure) => {
            const cells = indicatorCells(t, language, figure);
            const actual = cells.actual ?? <span className="muted">{t("project.framework.noActual")}</span>;
            return (
              <tr key={figure.indicator.id}>
                <th scope="row">
                  <span className="code">{cells.code}</span> {cells.name}
                  {cells.unit && <span className="muted"> ({cells.unit})</span>}
                  {cells.notes.length > 0 && <span className="hint">{cells.notes.join(" · ")}</span>}
                </th>
                {filterLabel ? (
                  <>
                    <td className="num" data-label={filterLabel}>
                      {filteredCell(figure.filtered)}
                    </td>
                    <td className="num" data-label={t("dashboard.wholeProject")}>
                      {actual}
                    </td>
                  </>
                ) : (
                  <td className="num" data-label={t("project.framework.baseline")}>
                    {cells.baseline}
                  </td>
                )}
                <td className="num" data-label={t("project.framework.target")}>
                  {cells.target}
                </td>
                {!filterLabel && (
                  <td className="num" data-label={t("project.framework.actual")}>
                    {actual}
                  </td>
                )}
                <td className="num" data-label={t("project.framework.progress")}>
                  {cells.progress}
                </td>
                <td data-label={t("dashboard.status")}>
                  <span className={`status status-${figure.status}`}>{cells.status}</span>
                  {cells.due && <span className="hint">{cells.due}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
