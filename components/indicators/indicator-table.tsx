import type { DashboardIndicator } from "@/db/queries/project-dashboard";
import { indicatorCells } from "@/lib/i18n/indicator-cells";
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
          {figures.map((figure) => {
            const cells = indicatorCells(t, language, figure);
            return (
              <tr key={figure.indicator.id}>
                <th scope="row">
                  <span className="code">{cells.code}</span> {cells.name}
                  {cells.unit && <span className="muted"> ({cells.unit})</span>}
                  {cells.notes.length > 0 && <span className="hint">{cells.notes.join(" · ")}</span>}
                </th>
                <td className="num">{cells.baseline}</td>
                <td className="num">{cells.target}</td>
                <td className="num">{cells.actual ?? <span className="muted">{t("project.framework.noActual")}</span>}</td>
                <td className="num">{cells.progress}</td>
                <td>
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
