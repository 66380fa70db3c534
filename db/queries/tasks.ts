import "server-only";
import { inArray } from "drizzle-orm";
import { listTasks, type Task, type TaskPeriodState } from "../../lib/workflow/tasks";
import { projectPeriods, projects } from "../schema";
import { remember } from "../read-cache";
import { countChangesSinceApproval } from "../records/approved-records";
import { dbOf, managedProjectIds, type QueryContext } from "./viewer";

export type TaskWithProject = Task & { projectTitleEn: string; projectTitleFr: string | null };

/**
 * The viewer's to-do list: for a manager, the periods of their projects to submit and those waiting
 * for their approval; for an admin, the same across every project; nothing for staff and donors.
 * Approved periods whose records changed since are listed too, to be reopened and approved again.
 */
export function listMyTasks(ctx: QueryContext, today: string): TaskWithProject[] {
  if (ctx.viewer.role !== "admin" && ctx.viewer.role !== "manager") return [];
  // Comparing every approved period's records with their copies is the costly part: kept until the data change.
  return remember(dbOf(ctx), `tasks|${ctx.viewer.userId}|${today}`, () => computeMyTasks(ctx, today));
}

function computeMyTasks(ctx: QueryContext, today: string): TaskWithProject[] {
  const db = dbOf(ctx);
  const ids = managedProjectIds(ctx);
  if (ids.length === 0) return [];
  const list = db.select().from(projects).where(inArray(projects.id, ids)).all();
  const states = new Map<number, Map<string, TaskPeriodState>>();
  for (const row of db.select().from(projectPeriods).where(inArray(projectPeriods.projectId, ids)).all()) {
    const own = states.get(row.projectId) ?? new Map<string, TaskPeriodState>();
    own.set(row.period, { status: row.status, submittedBy: row.submittedBy, submittedAt: row.submittedAt, approvedAt: row.approvedAt, updatedAt: row.updatedAt });
    states.set(row.projectId, own);
  }
  const changes = countChangesSinceApproval(db, list);
  const byId = new Map(list.map((p) => [p.id, p]));
  return listTasks({
    userId: ctx.viewer.userId,
    projects: list.map((p) => ({ id: p.id, code: p.code, startDate: p.startDate, endDate: p.endDate, reportingFrequency: p.reportingFrequency, closed: p.closedAt !== null })),
    states,
    changes,
    today,
  }).map((task) => ({ ...task, projectTitleEn: byId.get(task.projectId)?.titleEn ?? "", projectTitleFr: byId.get(task.projectId)?.titleFr ?? null }));
}
