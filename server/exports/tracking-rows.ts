import type { TrackingTable } from "../../db/figures/tracking-table";
import type { Language } from "../../lib/domain/codes";
import { localized } from "../../lib/i18n/format";
import type { Translator } from "../../lib/i18n/translator";
import type { ExportColumn, ExportTable } from "../../lib/exports/table";

const round = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/**
 * The indicator tracking table as rows: per indicator its result, code, name, measure, baseline,
 * life-of-project target, the target and actual of each period, the actual to date (with numerator
 * and denominator for percentages), progress and status. Percentages read 0-100.
 */
export function trackingRows(table: TrackingTable, t: Translator, language: Language): ExportTable {
  const described: ExportColumn[] = [
    { header: t("export.column.project"), format: "text", width: 14 },
    { header: t("export.column.resultCode"), format: "text", width: 10 },
    { header: t("export.column.result"), format: "text", width: 40 },
    { header: t("export.column.resultType"), format: "text", width: 10 },
    { header: t("export.column.indicatorCode"), format: "text", width: 10 },
    { header: t("export.column.indicator"), format: "text", width: 48 },
    { header: t("export.column.measure"), format: "text", width: 12 },
    { header: t("export.column.unit"), format: "text", width: 12 },
    { header: t("export.column.overTime"), format: "text", width: 12 },
    { header: t("export.column.baseline"), format: "decimal", width: 10 },
    { header: t("export.column.baselineYear"), format: "text", width: 8 },
    { header: t("export.column.target"), format: "decimal", width: 12 },
  ];
  const columns: ExportColumn[] = [
    ...described,
    ...table.periods.flatMap((period): ExportColumn[] => [
      { header: t("export.column.periodTarget", { period }), format: "decimal", width: 11 },
      { header: t("export.column.periodActual", { period }), format: "decimal", width: 11 },
    ]),
    ...(table.approvedOnly ? [] : [{ header: t("export.column.notApproved"), format: "text", width: 16 } satisfies ExportColumn]),
    { header: t("export.column.actualToDate"), format: "decimal", width: 12 },
    { header: t("export.column.numerator"), format: "decimal", width: 11 },
    { header: t("export.column.denominator"), format: "decimal", width: 11 },
    { header: t("export.column.progress"), format: "decimal", width: 10 },
    { header: t("export.column.due"), format: "decimal", width: 11 },
    { header: t("export.column.status"), format: "text", width: 14 },
  ];
  const firstPeriodColumn = described.length;
  const marked: [number, number][] = [];
  const rows = table.rows.map((row, rowIndex) => {
    const { indicator, result, toDate } = row;
    // Actuals shown before their period's approval: listed in a column, and marked in Excel.
    const notApproved = table.periods.filter((period, index) => {
      const cell = row.periods.get(period);
      const unapproved = cell !== undefined && cell.actual !== null && !cell.approved;
      if (unapproved) marked.push([rowIndex, firstPeriodColumn + 2 * index + 1]);
      return unapproved;
    });
    return [
      row.project.code,
      result?.code ?? null,
      result ? localized(language, result.titleEn, result.titleFr) : t("export.context"),
      result ? t(`resultType.${result.type}`) : null,
      indicator.code,
      localized(language, indicator.nameEn, indicator.nameFr),
      t(`framework.measureName.${indicator.measure}`),
      indicator.unitEn === null ? null : localized(language, indicator.unitEn, indicator.unitFr),
      t(`export.overTime.${indicator.timeAggregation}`),
      indicator.baselineValue,
      indicator.baselineYear === null ? null : String(indicator.baselineYear),
      indicator.target,
      ...table.periods.flatMap((period) => {
        const cell = row.periods.get(period);
        return [cell?.target ?? null, cell?.gap ? t(`dashboard.gap.${cell.gap}`) : round(cell?.actual?.value)];
      }),
      ...(table.approvedOnly ? [] : [notApproved.join(", ") || null]),
      round(toDate?.value),
      toDate?.kind === "ratio" ? toDate.numerator : null,
      toDate?.kind === "ratio" ? toDate.denominator : null,
      row.progress === null ? null : round(100 * row.progress, 1),
      round(row.due),
      t(`dashboard.statusName.${row.status}`),
    ];
  });
  return { name: t("export.trackingSheet"), columns, rows, marked: { cells: marked, note: t("export.notApprovedNote") } };
}
