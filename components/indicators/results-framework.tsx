import { localized } from "@/lib/i18n/format";
import type { IndicatorRow, ResultHeading } from "@/lib/indicators/indicator-row";
import { orderResultTree } from "@/lib/indicators/result-tree";
import { IndicatorTable } from "./indicator-table";
import type { Words } from "@/components/ui/words";

/** Results from impact down to outputs, each with its indicators; context indicators apart. */
export function ResultsFramework({ words, results, figures, filtered = false, filterLabel }: { words: Words; results: ResultHeading[]; figures: IndicatorRow[]; filtered?: boolean; filterLabel?: string }) {
  const { t, language } = words;
  const context = figures.filter((f) => f.indicator.isContext);
  const includesUnapproved = figures[0]?.includesUnapproved ?? false;
  if (figures.length === 0) return <p className="muted">{filtered ? t("dashboard.noMatch") : t("project.framework.empty")}</p>;
  return (
    <>
      <p className="muted small">
        {includesUnapproved ? t("project.includesUnapproved") : t("project.approvedOnly")} {t("dashboard.thresholds")}
      </p>
      {orderResultTree(results).map(({ result, depth }) => {
        const own = figures.filter((f) => f.indicator.resultId === result.id && !f.indicator.isContext);
        const title = localized(language, result.titleEn, result.titleFr);
        if (filtered && own.length === 0) return null;
        return (
          <div key={result.id} className={`result depth-${Math.min(depth, 3)}`}>
            <h3>
              <span className="result-type">{t(`resultType.${result.type}`)}</span> <span className="code">{result.code}</span> {title}
            </h3>
            {own.length > 0 && <IndicatorTable words={words} figures={own} caption={title} filterLabel={filterLabel} />}
          </div>
        );
      })}
      {context.length > 0 && (
        <div className="result context">
          <h3>{t("project.framework.contextTitle")}</h3>
          <p className="muted small">{t("project.framework.contextNote")}</p>
          <IndicatorTable words={words} figures={context} caption={t("project.framework.contextTitle")} filterLabel={filterLabel} />
        </div>
      )}
    </>
  );
}
