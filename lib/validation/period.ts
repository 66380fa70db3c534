import type { ReportingFrequency } from "../domain/codes";
import { FREQUENCY_PERIOD_TYPE, parsePeriod, periodHasBegun, periodOverlaps } from "../periods/period";
import type { Problem } from "./problems";

export type ProjectDates = { startDate: string; endDate: string; reportingFrequency: ReportingFrequency };

/** A period accepts figures when it is of the project's frequency, within its dates, and has begun. */
export function checkReportingPeriod(period: string, project: ProjectDates, today: string): Problem | null {
  const parsed = parsePeriod(period);
  if (!parsed) return { code: "invalid_period", period };
  const expected = FREQUENCY_PERIOD_TYPE[project.reportingFrequency];
  if (parsed.type !== expected) return { code: "wrong_period_type", period, expected };
  if (!periodOverlaps(period, project.startDate, project.endDate)) return { code: "period_outside_project", period };
  if (!periodHasBegun(period, today)) return { code: "period_not_begun", period };
  return null;
}
