import "server-only";
import { figureColumns } from "./values-table";
import { and, eq, inArray } from "drizzle-orm";
import type { ValueCell } from "../../lib/charts/indicator-charts";
import { FREQUENCY_PERIOD_TYPE, periodEnd, periodOfRecord, periodsWithin } from "../../lib/periods/period";
import type { Executor } from "../engine/types";
import { computeRecordActual } from "../records/computed-figures";
import { countReachedPerScope } from "../records/reach-counts";
import { loadTrainings } from "../records/trainings";
import { approvedValues, type Indicator, type Project } from "../tables";

/**
 * The running totals of an indicator counted from records (the registry or the trainings), period
 * by period, as cells a chart's series is drawn from: as each approval recorded them, or counted now
 * from the records at each period's end, up to the period of `today` (or `to`).
 */
export async function computedSeriesCells(
  db: Executor,
  project: Project,
  indicator: Indicator,
  options: { approvedOnly: boolean; today: string; from?: string; to?: string },
): Promise<ValueCell[]> {
  const type = FREQUENCY_PERIOD_TYPE[project.reportingFrequency];
  if (options.approvedOnly) {
    const range = options.from || options.to ? periodsWithin(project.startDate, project.endDate, type, options) : null;
    return await db
      .select(figureColumns(approvedValues))
      .from(approvedValues)
      .where(and(eq(approvedValues.indicatorId, indicator.id), range ? inArray(approvedValues.period, range) : undefined));
  }
  const periods = periodsWithin(project.startDate, project.endDate, type, {
    from: options.from,
    to: options.to ?? periodOfRecord(options.today, type, project.startDate, project.endDate),
  });
  const cell = (period: string, value: number): ValueCell => ({ period, locationId: project.countryId, disaggregation: "", value, numerator: null, denominator: null });
  if (indicator.source === "registry") {
    const counts = await countReachedPerScope(
      db,
      periods.map((period, key) => ({ key, projectId: project.id, upTo: periodEnd(period), serviceCode: indicator.sourceServiceCode })),
    );
    return periods.flatMap((period, key) => {
      const count = counts.get(key);
      return count && count.registered > 0 ? [cell(period, count.reached)] : [];
    });
  }
  const trainings = await loadTrainings(db, [project.id]);
  return (
    await Promise.all(
      periods.map(async (period) => {
        const actual = await computeRecordActual(indicator, { db, projectId: project.id, trainings }, periodEnd(period));
        return actual ? [cell(period, actual.value)] : [];
      }),
    )
  ).flat();
}
