import "server-only";
import { and, desc, eq, gte, like, lte } from "drizzle-orm";
import { auditLog, projects, users } from "../schema";
import { AccessDeniedError } from "./errors";
import { dbOf, type QueryContext } from "./viewer";

export type AuditFilters = { projectId?: number; userId?: number; action?: string; from?: string; to?: string };

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: number | null;
  userName: string | null;
  projectCode: string | null;
  details: string | null;
};

/** The audit trail, newest first, filtered; for admins only. */
export function listAuditEntries(ctx: QueryContext, filters: AuditFilters, limit = 200): AuditRow[] {
  if (ctx.viewer.role !== "admin") throw new AccessDeniedError("audit trail");
  return dbOf(ctx)
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      userName: users.name,
      projectCode: projects.code,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(auditLog.userId, users.id))
    .leftJoin(projects, eq(auditLog.projectId, projects.id))
    .where(
      and(
        filters.projectId ? eq(auditLog.projectId, filters.projectId) : undefined,
        filters.userId ? eq(auditLog.userId, filters.userId) : undefined,
        // Groups are the first part of the action ("data_value" of "data_value.update"); `_` is LIKE's
        // any-character, which only widens the match to actions of no other group.
        filters.action ? like(auditLog.action, `${filters.action.replace(/[^a-z_]/g, "")}.%`) : undefined,
        filters.from ? gte(auditLog.at, filters.from) : undefined,
        filters.to ? lte(auditLog.at, `${filters.to}T23:59:59.999Z`) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

/** The people and projects to filter the trail by. */
export function listAuditFilterChoices(ctx: QueryContext) {
  if (ctx.viewer.role !== "admin") throw new AccessDeniedError("audit trail");
  const db = dbOf(ctx);
  return {
    users: db.select({ id: users.id, name: users.name }).from(users).orderBy(users.name).all(),
    projects: db.select({ id: projects.id, code: projects.code }).from(projects).orderBy(projects.code).all(),
  };
}
