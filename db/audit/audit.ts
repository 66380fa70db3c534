import "server-only";
import { and, desc, eq, gte, like, lte } from "drizzle-orm";
import { auditLog, dimensionOptions, dimensions, indicators, locations, projects, users } from "../tables";
import { AccessDeniedError } from "../errors";
import { dbOf, type QueryContext } from "../users/viewer";
import { allows } from "../../lib/auth/permissions";

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

/** The audit trail, newest first, filtered; for admins only. Without a limit, every matching entry. */
export async function listAuditEntries(ctx: QueryContext, filters: AuditFilters, limit?: number): Promise<AuditRow[]> {
  if (!allows(ctx.viewer, "administer")) throw new AccessDeniedError("audit trail");
  const query = dbOf(ctx)
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
    .$dynamic();
  return await (limit === undefined ? query : query.limit(limit));
}

/** The people and projects to filter the trail by. */
export async function listAuditFilterChoices(ctx: QueryContext) {
  if (!allows(ctx.viewer, "administer")) throw new AccessDeniedError("audit trail");
  const db = dbOf(ctx);
  return {
    users: await db.select({ id: users.id, name: users.name }).from(users).orderBy(users.name),
    projects: await db.select({ id: projects.id, code: projects.code }).from(projects).orderBy(projects.code),
  };
}

/** What the trail's details name by id or code, for writing them as sentences: indicators, places, people, options. */
export async function listAuditNameSources(ctx: QueryContext) {
  if (!allows(ctx.viewer, "administer")) throw new AccessDeniedError("audit trail");
  const db = dbOf(ctx);
  return {
    indicators: await db.select({ id: indicators.id, code: indicators.code }).from(indicators),
    places: await db.select({ code: locations.code, nameEn: locations.nameEn, nameFr: locations.nameFr }).from(locations),
    users: await db.select({ id: users.id, name: users.name }).from(users),
    options: await db
      .select({
        dimension: dimensions.code,
        dimensionEn: dimensions.nameEn,
        dimensionFr: dimensions.nameFr,
        option: dimensionOptions.code,
        optionEn: dimensionOptions.nameEn,
        optionFr: dimensionOptions.nameFr,
      })
      .from(dimensionOptions)
      .innerJoin(dimensions, eq(dimensionOptions.dimensionId, dimensions.id)),
  };
}

export type AuditNameSources = Awaited<ReturnType<typeof listAuditNameSources>>;
