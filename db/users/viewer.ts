import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { allows, seesEveryProject, type Action, type Relation, type Viewer } from "../../lib/auth/permissions";
import type { Actor } from "../../lib/workflow/period-workflow";
import type { Db } from "../engine/types";
import { AccessDeniedError } from "../errors";
import { getDb } from "../index";
import { projectMembers, projectOrganisations, projects } from "../tables";

export type { Viewer } from "../../lib/auth/permissions";
export { seesUnapprovedFigures } from "../../lib/auth/permissions";

/** What every query takes: the caller, and the database (a temporary one in tests). */
export type QueryContext = { viewer: Viewer; db?: Db };

export function dbOf(ctx: QueryContext): Db {
  return ctx.db ?? getDb();
}

/**
 * What the viewer may see, as a key of cached reads: admins share one, staff one, each donor
 * organisation one (they see what it funds), each manager their own (they see what they manage).
 */
export function viewerKey(viewer: Viewer): string {
  if (viewer.role === "admin" || viewer.role === "staff") return viewer.role;
  if (viewer.role === "donor") return `donor:${viewer.organisationId ?? ""}`;
  return `manager:${viewer.userId}`;
}

/**
 * The ids of the projects the viewer may read:
 * - admins and staff: every project;
 * - managers: their projects and the other phases of the same programmes;
 * - donors: the projects their organisation funds.
 */
async function visibleProjectIds(ctx: QueryContext): Promise<number[]> {
  const db = dbOf(ctx);
  const { viewer } = ctx;
  if (seesEveryProject(viewer)) return (await db.select({ id: projects.id }).from(projects)).map((p) => p.id);
  if (viewer.role === "donor") {
    if (viewer.organisationId === null) return [];
    return (
      await db
        .selectDistinct({ id: projectOrganisations.projectId })
        .from(projectOrganisations)
        .where(and(eq(projectOrganisations.organisationId, viewer.organisationId), eq(projectOrganisations.role, "funding")))
    ).map((p) => p.id);
  }
  const own = await managedProjectIds(ctx);
  if (own.length === 0) return [];
  const programmeIds = (await db.selectDistinct({ id: projects.programmeId }).from(projects).where(inArray(projects.id, own))).flatMap((p) => (p.id === null ? [] : [p.id]));
  const siblings = programmeIds.length === 0 ? [] : (await db.select({ id: projects.id }).from(projects).where(inArray(projects.programmeId, programmeIds))).map((p) => p.id);
  return [...new Set([...own, ...siblings])];
}

/**
 * Whether the viewer may read one project: the same answer as visibleProjectIds, without listing a
 * headquarters' thousand projects to check one.
 */
async function canSeeProject(ctx: QueryContext, projectId: number): Promise<boolean> {
  const db = dbOf(ctx);
  const { viewer } = ctx;
  if (seesEveryProject(viewer)) return (await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)))[0] !== undefined;
  if (viewer.role === "donor") {
    if (viewer.organisationId === null) return false;
    const funded = (
      await db
        .select({ id: projectOrganisations.projectId })
        .from(projectOrganisations)
        .where(and(eq(projectOrganisations.projectId, projectId), eq(projectOrganisations.organisationId, viewer.organisationId), eq(projectOrganisations.role, "funding")))
    )[0];
    return funded !== undefined;
  }
  return (await visibleProjectIds(ctx)).includes(projectId);
}

/**
 * Those of `projectIds` the viewer may read, in their order. Staff and admins see every project: a
 * headquarters of ten thousand projects is not listed on each request to check a few of them.
 */
export async function visibleAmong(ctx: QueryContext, projectIds: readonly number[]): Promise<number[]> {
  if (seesEveryProject(ctx.viewer) || projectIds.length === 0) return [...projectIds];
  const visible = new Set(await visibleProjectIds(ctx));
  return projectIds.filter((id) => visible.has(id));
}

/** Refuses (AccessDeniedError) when one of `projectIds` is a project the viewer may not read. */
export async function assertSees(ctx: QueryContext, projectIds: readonly number[]): Promise<void> {
  const visible = new Set(await visibleAmong(ctx, projectIds));
  const hidden = projectIds.filter((id) => !visible.has(id));
  if (hidden.length > 0) throw new AccessDeniedError(`projects ${hidden.join(", ")}`);
}

/** The projects whose figures the viewer may enter: an admin's are all, a manager's are their own. */
async function managedProjectIds(ctx: QueryContext): Promise<number[]> {
  const db = dbOf(ctx);
  if (ctx.viewer.role === "admin") return (await db.select({ id: projects.id }).from(projects)).map((p) => p.id);
  if (ctx.viewer.role !== "manager") return [];
  return (await db.select({ id: projectMembers.projectId }).from(projectMembers).where(eq(projectMembers.userId, ctx.viewer.userId))).map((p) => p.id);
}

/** What the viewer is to one project: whether they may read it, and whether they enter its figures. */
// Within one request (one context), outside writes, a viewer's relation to a project does not move:
// a page asks it several times, and on a server database each asking is a round trip.
const relations = new WeakMap<QueryContext, Map<number, Promise<Relation>>>();

export function relationTo(ctx: QueryContext, projectId: number): Promise<Relation> {
  if (dbOf(ctx).inWrite()) return findRelation(ctx, projectId);
  const known = relations.get(ctx) ?? new Map<number, Promise<Relation>>();
  relations.set(ctx, known);
  let relation = known.get(projectId);
  if (!relation) {
    relation = findRelation(ctx, projectId);
    known.set(projectId, relation);
    // A failed read is not kept.
    relation.catch(() => known.delete(projectId));
  }
  return relation;
}

async function findRelation(ctx: QueryContext, projectId: number): Promise<Relation> {
  const visible = await canSeeProject(ctx, projectId);
  if (!visible || ctx.viewer.role !== "manager") return { visible, manages: visible && ctx.viewer.role === "admin" };
  // One membership row, not the list of every project the manager has: this runs on every page.
  const member = await dbOf(ctx)
    .select({ id: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, ctx.viewer.userId), eq(projectMembers.projectId, projectId)))
    .limit(1);
  return { visible, manages: member.length > 0 };
}

/**
 * Whether the viewer may take `action` on the project (see lib/auth/permissions.ts for the rules);
 * without a project, whether their role allows it at all (administering, creating a project).
 */
export async function may(ctx: QueryContext, action: Action, projectId?: number): Promise<boolean> {
  return allows(ctx.viewer, action, projectId === undefined ? undefined : await relationTo(ctx, projectId));
}

/** The ids of the projects on which the viewer may take `action`: those they see, or those they enter figures of. */
export async function projectsWhere(ctx: QueryContext, action: "see" | "enter"): Promise<number[]> {
  if (action === "see") return visibleProjectIds(ctx);
  return allows(ctx.viewer, "enter", { visible: true, manages: true }) ? managedProjectIds(ctx) : [];
}

/** The viewer as the period workflow sees them on one project. */
export async function workflowActor(ctx: QueryContext, projectId: number): Promise<Actor> {
  return { userId: ctx.viewer.userId, role: ctx.viewer.role, managesProject: (await relationTo(ctx, projectId)).manages };
}
