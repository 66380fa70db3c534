import { approvedValues, dataValues } from "../tables";

/** Whose figures a read gives: as entered (every status), or as approved (what donors see). */
export type FigureSource = "entered" | "approved";

/**
 * The one place that picks the table of figures. The two tables share the columns of a figure
 * (indicator, period, place, breakdown, value, numerator, denominator), so one query serves both.
 */
export function valuesTable(source: FigureSource) {
  return source === "approved" ? approvedValues : dataValues;
}

/** The columns of a figure, as a query of either table selects them. */
export function figureColumns(table: ReturnType<typeof valuesTable>) {
  return {
    indicatorId: table.indicatorId,
    period: table.period,
    locationId: table.locationId,
    disaggregation: table.disaggregation,
    value: table.value,
    numerator: table.numerator,
    denominator: table.denominator,
  };
}
