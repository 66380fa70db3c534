import type { IndicatorDetail } from "@/lib/charts/indicator-charts";
import { DIMENSION_CODES } from "@/lib/domain/codes";
import { formatPeriod, localized } from "@/lib/i18n/format";
import { formatMeasureValue } from "@/lib/i18n/format-figure";
import { isRatioMeasure } from "@/lib/indicators/actual";
import { ChartFrame } from "./chart-frame";
import { HorizontalBarChart } from "./bar-chart";
import { SeriesChart } from "./lazy-charts";
import type { Words } from "@/components/ui/words";

/** The time series, breakdowns and places of one indicator, each chart with its table and CSV. */
export function IndicatorCharts({ words, detail, optionNames }: { words: Words; detail: IndicatorDetail; optionNames: Map<string, string> }) {
  const { t, language } = words;
  const locale = language === "fr" ? "fr-FR" : "en-GB";
  const percent = isRatioMeasure(detail.indicator.measure);
  const n = (v: number | null) => (v === null ? "—" : formatMeasureValue(language, detail.indicator.measure, v));
  const name = `${detail.indicator.code} ${localized(language, detail.indicator.nameEn, detail.indicator.nameFr)}`;
  const common = { tableLabel: t("dashboard.table"), csvLabel: t("dashboard.csv") };
  const dimensionName = (code: string) => (code in DIMENSION_CODES ? t(`dimension.${code as keyof typeof DIMENSION_CODES}`) : code);
  return (
    <div className="charts">
      <ChartFrame
        id={`series-${detail.indicator.code}`}
        title={t("dashboard.seriesTitle", { indicator: name })}
        description={t(detail.fromRecords ? "dashboard.seriesDescriptionFromRecords" : "dashboard.seriesDescription")}
        header={[t("dashboard.period"), t("dashboard.reported"), t("dashboard.toDate"), t("dashboard.target")]}
        rows={detail.series.map((r) => [formatPeriod(language, r.period), r.gap ? t(`dashboard.gap.${r.gap}`) : n(r.reported), r.gap ? "—" : n(r.toDate), n(r.target)])}
        csvRows={detail.series.map((r) => [r.period, r.gap ? t(`dashboard.gap.${r.gap}`) : r.reported, r.toDate, r.target])}
        {...common}
      >
        {/* Axes without a line or a bar say nothing: the page says why instead. */}
        {detail.series.some((r) => r.reported !== null || r.toDate !== null || r.target !== null || r.gap !== null) ? (
          <SeriesChart data={detail.series.map((r) => ({ ...r, period: formatPeriod(language, r.period) }))} locale={locale} percent={percent} labels={{
              reported: t("dashboard.reported"),
              toDate: t("dashboard.toDate"),
              target: t("dashboard.target"),
              awaiting_approval: t("dashboard.gap.awaiting_approval"),
              not_reported: t("dashboard.gap.not_reported"),
            }} />
        ) : (
          <p className="note">{t("dashboard.nothingToChart")}</p>
        )}
      </ChartFrame>
      {detail.breakdowns.map((b) => (
        <ChartFrame
          key={b.dimension}
          id={`breakdown-${detail.indicator.code}-${b.dimension}`}
          title={t("dashboard.breakdownTitle", { indicator: name, dimension: dimensionName(b.dimension) })}
          description={t("dashboard.breakdownDescription")}
          header={[t("dashboard.option"), t("dashboard.value")]}
          rows={b.rows.map((r) => [optionNames.get(`${b.dimension}=${r.key}`) ?? r.key, n(r.value)])}
          csvRows={b.rows.map((r) => [optionNames.get(`${b.dimension}=${r.key}`) ?? r.key, r.value])}
          {...common}
        >
          <HorizontalBarChart locale={locale} percent={percent} data={b.rows.map((r) => ({ label: optionNames.get(`${b.dimension}=${r.key}`) ?? r.key, value: r.value }))} />
        </ChartFrame>
      ))}
      {detail.byLocation.length > 0 && (
        <ChartFrame
          id={`places-${detail.indicator.code}`}
          title={t("dashboard.locationTitle", { indicator: name })}
          description={t("dashboard.locationDescription")}
          header={[t("dashboard.place"), t("dashboard.value")]}
          rows={detail.byLocation.map((l) => [localized(language, l.nameEn, l.nameFr), n(l.value)])}
          csvRows={detail.byLocation.map((l) => [localized(language, l.nameEn, l.nameFr), l.value])}
          {...common}
        >
          <HorizontalBarChart locale={locale} percent={percent} data={detail.byLocation.map((l) => ({ label: localized(language, l.nameEn, l.nameFr), value: l.value }))} />
        </ChartFrame>
      )}
    </div>
  );
}
