import "server-only";
import { eq } from "drizzle-orm";
import type { ValueCell } from "../../lib/charts/indicator-charts";
import { comparePeriods, FREQUENCY_PERIOD_TYPE, periodEnd, periodOfRecord, periodsBetween } from "../../lib/periods/period";
import type { Executor } from "../client";
import { computeRecordActual } from "../records/computed-figures";
import { countReachedPerScope } from "../records/reach-counts";
import { loadTrainings } from "../records/trainings";
import { approvedValues, type Indicator, type Project } from "../schema";

/**
 * The running totals of an indicator counted from records (the registry or the trainings), period
 * by period, as cells a chart's series is drawn from: as each approval recorded them, or counted now
 * from the records at each period's end, up to the period of `today` (or `to`).
 */
export function computedSeriesCells(db: Executor, project: Project, indicator: Indicator, options: { approvedOnly: boolean; today: string; to?: string }): ValueCell[] {
  if (options.approvedOnly) {
    return db
      .select({ period: approvedValues.period, locationId: approvedValues.locationId, disaggregation: approvedValues.disaggregation, value: approvedValues.value, numerator: approvedValues.numerator, denominator: approvedValues.denominator })
      .from(approvedValues)
      .where(eq(approvedValues.indicatorId, indicator.id))
      .all()
      .filter((c) => !options.to || comparePeriods(c.period, options.to) <= 0);
  }
  const type = FREQUENCY_PERIOD_TYPE[project.reportingFrequency];
  const last = options.to ?? periodOfRecord(options.today, type, project.startDate, project.endDate);
  const periods = periodsBetween(project.startDate, project.endDate, type).filter((p) => comparePeriods(p, last) <= 0);
  const cell = (period: string, value: number): ValueCell => ({ period, locationId: project.countryId, disaggregation: "", value, numerator: null, denominator: null });
  if (indicator.source === "registry") {
    const counts = countReachedPerScope(db, periods.map((period, key) => ({ key, projectId: project.id, upTo: periodEnd(period), serviceCode: indicator.sourceServiceCode })));
    return periods.flatMap((period, key) => {
      const count = counts.get(key);
      return count && count.registered > 0 ? [cell(period, count.reached)] : [];
    });
  }
  const trainings = loadTrainings(db, [project.id]);
  return periods.flatMap((period) => {
    const actual = computeRecordActual(indicator, { db, projectId: project.id, trainings }, periodEnd(period));
    return actual ? [cell(period, actual.value)] : [];
  });
}
