import "server-only";
import { and, inArray, isNotNull } from "drizzle-orm";
import type { SeriesGap } from "../../lib/charts/indicator-charts";
import { comparePeriods, FREQUENCY_PERIOD_TYPE, periodEnd, periodsWithin } from "../../lib/periods/period";
import type { PeriodStatus } from "../../lib/domain/codes";
import { donorPeriodState, type DonorPeriodState } from "../../lib/workflow/period-workflow";
import type { Executor } from "../engine/types";
import { projectPeriods, type Project } from "../tables";
import { dbOf, may, type QueryContext } from "../users/viewer";

/**
 * Each project's latest period whose approved figures donors see (approved, or reopened since and
 * shown as last approved); a project without one is left out.
 */
export async function latestApprovedPeriods(db: Executor, projectIds: readonly number[]): Promise<Map<number, string>> {
  const latest = new Map<number, string>();
  if (projectIds.length === 0) return latest;
  const rows = await db
    .select({ projectId: projectPeriods.projectId, period: projectPeriods.period })
    .from(projectPeriods)
    .where(and(inArray(projectPeriods.projectId, [...projectIds]), isNotNull(projectPeriods.approvedAt)));
  for (const { projectId, period } of rows) {
    const current = latest.get(projectId);
    if (!current || comparePeriods(period, current) > 0) latest.set(projectId, period);
  }
  return latest;
}

/** An ended period as donors see it. */
export type PeriodState = { period: string; state: Exclude<DonorPeriodState, "not_ended"> };

/** An ended period with where its workflow stands (draft when nothing was entered) and its latest approval. */
export type PeriodRecord = PeriodState & { status: PeriodStatus; approvedAt: string | null };

/**
 * The ended periods of each project as donors see them: approved (with the figures of its latest
 * approval), awaiting approval, or not reported. Periods still running are left out.
 */
export async function donorPeriodStates(
  db: Executor,
  list: readonly Pick<Project, "id" | "startDate" | "endDate" | "reportingFrequency">[],
  today: string,
): Promise<Map<number, PeriodState[]>> {
  return new Map([...(await endedPeriodRecords(db, list, today))].map(([projectId, records]) => [projectId, records.map(({ period, state }) => ({ period, state }))]));
}

/** The ended periods of each project as donors see them, with their workflow status and latest approval. */
export async function endedPeriodRecords(
  db: Executor,
  list: readonly Pick<Project, "id" | "startDate" | "endDate" | "reportingFrequency">[],
  today: string,
  range: { to?: string } = {},
): Promise<Map<number, PeriodRecord[]>> {
  const states = new Map<number, PeriodRecord[]>();
  if (list.length === 0) return states;
  const periodsOf = new Map(list.map((p) => [p.id, periodsWithin(p.startDate, p.endDate, FREQUENCY_PERIOD_TYPE[p.reportingFrequency], range)]));
  const rows = new Map(
    (
      await db
        .select({ projectId: projectPeriods.projectId, period: projectPeriods.period, status: projectPeriods.status, approvedAt: projectPeriods.approvedAt })
        .from(projectPeriods)
        .where(
          and(
            inArray(
              projectPeriods.projectId,
              list.map((p) => p.id),
            ),
            range.to ? inArray(projectPeriods.period, [...new Set([...periodsOf.values()].flat())]) : undefined,
          ),
        )
    ).map((r) => [`${r.projectId}|${r.period}`, r]),
  );
  for (const project of list) {
    states.set(
      project.id,
      (periodsOf.get(project.id) ?? []).flatMap((period) => {
        const row = rows.get(`${project.id}|${period}`);
        const state = donorPeriodState(row, periodEnd(period) < today);
        return state === "not_ended" ? [] : [{ period, state, status: row?.status ?? "draft", approvedAt: row?.approvedAt ?? null }];
      }),
    );
  }
  return states;
}

/** The ended periods of a visible project as donors see them. */
export async function listPeriodStates(ctx: QueryContext, project: Project, today: string): Promise<PeriodState[]> {
  if (!(await may(ctx, "see", project.id))) return [];
  return (await donorPeriodStates(dbOf(ctx), [project], today)).get(project.id) ?? [];
}

/** The periods a donor's tables and charts show as gaps: ended without an approval, or not reported. */
export function isGap(state: DonorPeriodState): state is SeriesGap {
  return state === "awaiting_approval" || state === "not_reported";
}

/** The gaps among periods, by period. */
export function gapsOf(periods: readonly PeriodState[]): Map<string, SeriesGap> {
  return new Map(periods.flatMap((p) => (isGap(p.state) ? [[p.period, p.state] as const] : [])));
}
