import "server-only";
import { inArray } from "drizzle-orm";
import { listTasks, type Task, type TaskPeriodState } from "../../lib/workflow/tasks";
import { projectPeriods, projects } from "../tables";
import { remember } from "../read-cache";
import { countChangesSinceApproval } from "../records/approved-records";
import { dbOf, projectsWhere, type QueryContext } from "../users/viewer";
import { allows, ON_THEIR_PROJECTS } from "../../lib/auth/permissions";

export type TaskWithProject = Task & { projectTitleEn: string; projectTitleFr: string | null };

/**
 * The viewer's to-do list: for a manager, the periods of their projects to submit and those waiting
 * for their approval; for an admin, the same across every project; nothing for staff and donors.
 * Approved periods whose records changed since are listed too, to be reopened and approved again.
 */
export async function listMyTasks(ctx: QueryContext, today: string): Promise<TaskWithProject[]> {
  if (!allows(ctx.viewer, "enter", ON_THEIR_PROJECTS)) return [];
  // Comparing every approved period's records with their copies is the costly part: kept until the data change.
  return remember(dbOf(ctx), `tasks|${ctx.viewer.userId}|${today}`, async () => await computeMyTasks(ctx, today));
}

async function computeMyTasks(ctx: QueryContext, today: string): Promise<TaskWithProject[]> {
  const db = dbOf(ctx);
  const ids = await projectsWhere(ctx, "enter");
  if (ids.length === 0) return [];
  const list = await db.select().from(projects).where(inArray(projects.id, ids));
  const states = new Map<number, Map<string, TaskPeriodState>>();
  for (const row of await db.select().from(projectPeriods).where(inArray(projectPeriods.projectId, ids))) {
    const own = states.get(row.projectId) ?? new Map<string, TaskPeriodState>();
    own.set(row.period, { status: row.status, submittedBy: row.submittedBy, submittedAt: row.submittedAt, approvedAt: row.approvedAt, updatedAt: row.updatedAt });
    states.set(row.projectId, own);
  }
  const changes = await countChangesSinceApproval(db, list);
  const byId = new Map(list.map((p) => [p.id, p]));
  return listTasks({
    userId: ctx.viewer.userId,
    projects: list.map((p) => ({ id: p.id, code: p.code, startDate: p.startDate, endDate: p.endDate, reportingFrequency: p.reportingFrequency, closed: p.closedAt !== null })),
    states,
    changes,
    today,
  }).map((task) => ({ ...task, projectTitleEn: byId.get(task.projectId)?.titleEn ?? "", projectTitleFr: byId.get(task.projectId)?.titleFr ?? null }));
}
