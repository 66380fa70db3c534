import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DataValueStatus } from "../../lib/domain/codes";
import { checkReportingPeriod } from "../../lib/validation/period";
import type { Problem } from "../../lib/validation/problems";
import { decideTransition, type PeriodAction, type TransitionRefusal } from "../../lib/workflow/period-workflow";
import type { Executor } from "../client";
import { snapshotApprovedPeriod } from "../records/approval-snapshot";
import { latestApprovedPeriods } from "./approved-cutoffs";
import { auditLog, dataValues, indicators, projectPeriods, projects, type ProjectPeriod } from "../schema";
import { canSeeProject, dbOf, managedProjectIds, type QueryContext } from "./viewer";

/** A period's workflow row; a period without one is a draft nobody submitted. */
export function findProjectPeriod(db: Executor, projectId: number, period: string): ProjectPeriod | null {
  return db.select().from(projectPeriods).where(and(eq(projectPeriods.projectId, projectId), eq(projectPeriods.period, period))).get() ?? null;
}

/** The latest approved period of a visible project, or null. */
export function latestApprovedPeriod(ctx: QueryContext, projectId: number): string | null {
  if (!canSeeProject(ctx, projectId)) return null;
  return latestApprovedPeriods(dbOf(ctx), [projectId]).get(projectId) ?? null;
}

export function periodStatus(db: Executor, projectId: number, period: string): DataValueStatus {
  return findProjectPeriod(db, projectId, period)?.status ?? "draft";
}

export type TransitionOutcome =
  | { kind: "done"; period: ProjectPeriod }
  | { kind: "not_found" }
  | { kind: "refused"; refusal: TransitionRefusal; status: DataValueStatus }
  | { kind: "invalid"; problem: Problem };

/**
 * Moves a project's period through the workflow (submit, approve, return, reopen) for the caller:
 * checks the rules of lib/workflow (roles, four eyes, comments), updates the period and the status
 * of its values, records the approved figures on approval, and logs it, in one transaction.
 */
export function transitionPeriod(
  ctx: QueryContext,
  request: { projectId: number; period: string; action: PeriodAction; comment?: string | null; today: string },
): TransitionOutcome {
  const db = dbOf(ctx);
  return db.transaction((tx) => {
    if (!canSeeProject({ ...ctx, db }, request.projectId)) return { kind: "not_found" };
    const project = tx.select().from(projects).where(eq(projects.id, request.projectId)).get();
    if (!project) return { kind: "not_found" };
    const periodProblem = checkReportingPeriod(request.period, project, request.today);
    if (periodProblem) return { kind: "invalid", problem: periodProblem };
    const current = findProjectPeriod(tx, project.id, request.period);
    const decision = decideTransition({
      action: request.action,
      status: current?.status ?? "draft",
      actor: { userId: ctx.viewer.userId, role: ctx.viewer.role, managesProject: managedProjectIds({ ...ctx, db }).includes(project.id) && ctx.viewer.role === "manager" },
      submittedBy: current?.submittedBy ?? null,
      comment: request.comment,
    });
    if (!decision.ok) return { kind: "refused", refusal: decision.refusal, status: current?.status ?? "draft" };

    const now = new Date().toISOString();
    const comment = request.comment?.trim() || null;
    const changes: Partial<typeof projectPeriods.$inferInsert> =
      request.action === "submit"
        ? { status: decision.to, submittedBy: ctx.viewer.userId, submittedAt: now, reviewedBy: null, reviewedAt: null, comment: null }
        : request.action === "reopen"
          ? { status: decision.to, comment }
          : { status: decision.to, reviewedBy: ctx.viewer.userId, reviewedAt: now, comment };
    const row = current
      ? tx.update(projectPeriods).set({ ...changes, version: current.version + 1 }).where(eq(projectPeriods.id, current.id)).returning().get()
      : tx.insert(projectPeriods).values({ projectId: project.id, period: request.period, ...changes }).returning().get();

    const indicatorIds = tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.projectId, project.id)).all().map((i) => i.id);
    if (indicatorIds.length > 0) {
      tx.update(dataValues).set({ status: decision.to }).where(and(inArray(dataValues.indicatorId, indicatorIds), eq(dataValues.period, request.period))).run();
    }
    if (request.action === "approve") snapshotApprovedPeriod(tx, project.id, request.period, ctx.viewer.userId, now);
    tx.insert(auditLog)
      .values({
        userId: ctx.viewer.userId,
        action: `period.${request.action}`,
        entityType: "period",
        entityId: row.id,
        projectId: project.id,
        details: JSON.stringify({ period: request.period, before: current?.status ?? "draft", after: decision.to, comment }),
      })
      .run();
    return { kind: "done", period: row };
  });
}
