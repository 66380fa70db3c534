import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { comparePeriods, periodEnd } from "../../lib/periods/period";
import type { Executor } from "../client";
import { projectPeriods } from "../schema";

/**
 * The last day of each project's latest approved period. What donors see of records (services,
 * trainings) stops there, as the indicators computed from them were frozen when it was approved.
 */
export function approvedCutoffs(db: Executor, projectIds: readonly number[]): Map<number, string> {
  return new Map([...latestApprovedPeriods(db, projectIds)].map(([projectId, period]) => [projectId, periodEnd(period)]));
}

/** Each project's latest approved period; a project without one is left out. */
export function latestApprovedPeriods(db: Executor, projectIds: readonly number[]): Map<number, string> {
  const latest = new Map<number, string>();
  if (projectIds.length === 0) return latest;
  const rows = db
    .select({ projectId: projectPeriods.projectId, period: projectPeriods.period })
    .from(projectPeriods)
    .where(and(inArray(projectPeriods.projectId, [...projectIds]), eq(projectPeriods.status, "approved")))
    .all();
  for (const { projectId, period } of rows) {
    const current = latest.get(projectId);
    if (!current || comparePeriods(period, current) > 0) latest.set(projectId, period);
  }
  return latest;
}
