import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { PeriodStatus } from "../../lib/domain/codes";
import { comparePeriods, FREQUENCY_PERIOD_TYPE, periodEnd, periodsBetween } from "../../lib/periods/period";
import { checkReportingPeriod } from "../../lib/validation/period";
import type { Problem } from "../../lib/validation/problems";
import { decideTransition, isSettled, valueStatusOf, type PeriodAction, type TransitionRefusal } from "../../lib/workflow/period-workflow";
import type { PeriodChanges } from "../../lib/workflow/record-changes";
import type { Executor } from "../engine/types";
import { forgetApprovedPeriod, snapshotApprovedPeriod } from "../records/approval-snapshot";
import { countChangesSinceApproval } from "../records/approved-records";
import { findPeriodGaps, type PeriodGap } from "./period-completeness";
import { dataValues, indicators, projectPeriods, projects, type Project, type ProjectPeriod } from "../tables";
import { dbOf, may, seesUnapprovedFigures, workflowActor, type QueryContext } from "../users/viewer";
import { recordAudit } from "../audit/audit-record";

/** A period's workflow row; a period without one is a draft nobody submitted. */
export async function findProjectPeriod(db: Executor, projectId: number, period: string): Promise<ProjectPeriod | null> {
  return (
    (
      await db
        .select()
        .from(projectPeriods)
        .where(and(eq(projectPeriods.projectId, projectId), eq(projectPeriods.period, period)))
    )[0] ?? null
  );
}

export async function periodStatus(db: Executor, projectId: number, period: string): Promise<PeriodStatus> {
  return (await findProjectPeriod(db, projectId, period))?.status ?? "draft";
}

/** The project's periods before `period` that are neither approved nor marked not reported. */
async function earlierOpenPeriods(db: Executor, project: Project, period: string): Promise<string[]> {
  const settled = new Set(
    (await db.select({ period: projectPeriods.period, status: projectPeriods.status }).from(projectPeriods).where(eq(projectPeriods.projectId, project.id)))
      .filter((p) => isSettled(p.status))
      .map((p) => p.period),
  );
  return periodsBetween(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency]).filter((p) => comparePeriods(p, period) < 0 && !settled.has(p));
}

/** For each approved period of the project, the records added and changed since its approval. */
export async function changesSinceApprovals(db: Executor, project: Project): Promise<Map<string, PeriodChanges>> {
  return (await countChangesSinceApproval(db, [project])).get(project.id) ?? new Map();
}

/** The records added and changed since each approval of a visible project's periods, for those who see figures in review. */
export async function listChangesSinceApproval(ctx: QueryContext, project: Project): Promise<Map<string, PeriodChanges>> {
  if (!seesUnapprovedFigures(ctx.viewer) || !(await may(ctx, "see", project.id))) return new Map();
  return await changesSinceApprovals(dbOf(ctx), project);
}

export type PeriodOverview = {
  period: string;
  status: PeriodStatus;
  ended: boolean;
  row: ProjectPeriod | null;
  /** Earlier periods still waiting for approval: this one cannot be approved before them. */
  earlierOpen: string[];
  /** Expected figures that are empty. */
  gaps: PeriodGap[];
  /** Records added and changed since its approval; null when nothing changed or it was never approved. */
  changes: PeriodChanges | null;
};

/** Where a period of a visible project stands, for those who see figures in review (not donors). */
export async function getPeriodOverview(ctx: QueryContext, project: Project, period: string, today: string): Promise<PeriodOverview | null> {
  if (!seesUnapprovedFigures(ctx.viewer) || !(await may(ctx, "see", project.id)) || checkReportingPeriod(period, project, today)) return null;
  const db = dbOf(ctx);
  const row = await findProjectPeriod(db, project.id, period);
  return {
    period,
    status: row?.status ?? "draft",
    ended: periodEnd(period) < today,
    row,
    earlierOpen: await earlierOpenPeriods(db, project, period),
    gaps: await findPeriodGaps(db, project.id, period),
    changes: row?.approvedAt ? ((await changesSinceApprovals(db, project)).get(period) ?? null) : null,
  };
}

export type TransitionOutcome =
  | { kind: "done"; period: ProjectPeriod }
  | { kind: "not_found" }
  | { kind: "refused"; refusal: TransitionRefusal; status: PeriodStatus; earlier?: readonly string[]; gaps?: PeriodGap[] }
  | { kind: "invalid"; problem: Problem };

/**
 * Moves a project's period through the workflow (submit, approve, return, reopen, mark not
 * reported) for the caller: checks the rules of lib/workflow (roles, four eyes, time, order,
 * completeness, comments), updates the period and the status of its values, records what donors
 * will see on approval (and forgets it when marked not reported), and logs it, in one transaction.
 */
export async function transitionPeriod(
  ctx: QueryContext,
  request: { projectId: number; period: string; action: PeriodAction; comment?: string | null; today: string },
): Promise<TransitionOutcome> {
  const db = dbOf(ctx);
  return await db.write(async (tx) => {
    if (!(await may({ ...ctx, db }, "see", request.projectId))) return { kind: "not_found" };
    const project = (await tx.select().from(projects).where(eq(projects.id, request.projectId)))[0];
    if (!project) return { kind: "not_found" };
    const periodProblem = checkReportingPeriod(request.period, project, request.today);
    if (periodProblem) return { kind: "invalid", problem: periodProblem };
    const current = await findProjectPeriod(tx, project.id, request.period);
    const status = current?.status ?? "draft";
    const gaps = request.action === "submit" ? await findPeriodGaps(tx, project.id, request.period) : [];
    const decision = decideTransition({
      action: request.action,
      status,
      actor: await workflowActor({ ...ctx, db }, project.id),
      submittedBy: current?.submittedBy ?? null,
      comment: request.comment,
      ended: periodEnd(request.period) < request.today,
      earlierOpen: request.action === "approve" ? await earlierOpenPeriods(tx, project, request.period) : [],
      gaps: gaps.length,
    });
    if (!decision.ok) return { kind: "refused", refusal: decision.refusal, status, earlier: decision.earlier, gaps: decision.gaps === undefined ? undefined : gaps };

    const now = new Date().toISOString();
    const comment = request.comment?.trim() || null;
    const reviewed = { reviewedBy: ctx.viewer.userId, reviewedAt: now, comment };
    const changes: Partial<typeof projectPeriods.$inferInsert> = {
      submit: { submittedBy: ctx.viewer.userId, submittedAt: now, submissionComment: gaps.length > 0 ? comment : null, reviewedBy: null, reviewedAt: null, comment: null },
      approve: { ...reviewed, approvedBy: ctx.viewer.userId, approvedAt: now },
      return: reviewed,
      reopen: { comment },
      mark_not_reported: { ...reviewed, approvedBy: null, approvedAt: null },
    }[request.action];
    const row = current
      ? (
          await tx
            .update(projectPeriods)
            .set({ ...changes, status: decision.to, version: current.version + 1 })
            .where(eq(projectPeriods.id, current.id))
            .returning()
        )[0]!
      : (
          await tx
            .insert(projectPeriods)
            .values({ projectId: project.id, period: request.period, ...changes, status: decision.to })
            .returning()
        )[0]!;

    const indicatorIds = (await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.projectId, project.id))).map((i) => i.id);
    if (indicatorIds.length > 0) {
      await tx
        .update(dataValues)
        .set({ status: valueStatusOf(decision.to) })
        .where(and(inArray(dataValues.indicatorId, indicatorIds), eq(dataValues.period, request.period)));
    }
    if (request.action === "approve") await snapshotApprovedPeriod(tx, project, request.period, ctx.viewer.userId, now);
    if (request.action === "mark_not_reported") await forgetApprovedPeriod(tx, project, request.period);
    await recordAudit(tx, {
      userId: ctx.viewer.userId,
      action: `period.${request.action}`,
      entityType: "period",
      entityId: row.id,
      projectId: project.id,
      details: { period: request.period, before: status, after: decision.to, comment, ...(request.action === "submit" ? { gaps: gaps.length } : {}) },
    });
    return { kind: "done", period: row };
  });
}
