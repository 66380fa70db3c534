import type { DataValueStatus } from "../../lib/domain/codes";
import { comparePeriods } from "../../lib/periods/period";

/**
 * The approval state of the demo's periods: approved up to a period, then a status per later period.
 * Approval applies to a project's period as a whole, so every value of a period shares its status.
 */
export function statusSchedule(approvedThrough: string, later: Record<string, DataValueStatus>) {
  return (period: string): DataValueStatus =>
    comparePeriods(period, approvedThrough) <= 0 ? "approved" : (later[period] ?? "draft");
}

/** When a value of the period was entered: a few days after the period ended, or today for an open one. */
export function enteredAtFor(periodEnd: string, today: string): string {
  const end = new Date(`${periodEnd}T09:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 12);
  const entered = end.toISOString();
  return entered.slice(0, 10) > today ? `${today}T09:00:00.000Z` : entered;
}
