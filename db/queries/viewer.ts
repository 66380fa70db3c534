import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { UserRole } from "../../lib/domain/codes";
import type { Db } from "../client";
import { getDb } from "../index";
import { projectMembers, projectOrganisations, projects } from "../schema";

/** Who is asking. Read from the database on each request, never trusted from a token. */
export type Viewer = { userId: number; role: UserRole; organisationId: number | null };

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

/** Donors see approved figures only; everyone else also sees figures still in review. */
export function seesUnapprovedFigures(viewer: Viewer): boolean {
  return viewer.role !== "donor";
}

/**
 * The ids of the projects the viewer may read:
 * - admins and staff: every project;
 * - managers: their projects and the other phases of the same programmes;
 * - donors: the projects their organisation funds.
 */
export function visibleProjectIds(ctx: QueryContext): number[] {
  const db = dbOf(ctx);
  const { viewer } = ctx;
  if (viewer.role === "admin" || viewer.role === "staff") {
    return db.select({ id: projects.id }).from(projects).all().map((p) => p.id);
  }
  if (viewer.role === "donor") {
    if (viewer.organisationId === null) return [];
    return db
      .selectDistinct({ id: projectOrganisations.projectId })
      .from(projectOrganisations)
      .where(and(eq(projectOrganisations.organisationId, viewer.organisationId), eq(projectOrganisations.role, "funding")))
      .all()
      .map((p) => p.id);
  }
  const own = managedProjectIds(ctx);
  if (own.length === 0) return [];
  const programmeIds = db
    .selectDistinct({ id: projects.programmeId })
    .from(projects)
    .where(inArray(projects.id, own))
    .all()
    .flatMap((p) => (p.id === null ? [] : [p.id]));
  const siblings =
    programmeIds.length === 0
      ? []
      : db.select({ id: projects.id }).from(projects).where(inArray(projects.programmeId, programmeIds)).all().map((p) => p.id);
  return [...new Set([...own, ...siblings])];
}

/**
 * Whether the viewer may read one project: the same answer as visibleProjectIds, without listing a
 * headquarters' thousand projects to check one.
 */
export function canSeeProject(ctx: QueryContext, projectId: number): boolean {
  const db = dbOf(ctx);
  const { viewer } = ctx;
  if (viewer.role === "admin" || viewer.role === "staff") return db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get() !== undefined;
  if (viewer.role === "donor") {
    if (viewer.organisationId === null) return false;
    const funded = db
      .select({ id: projectOrganisations.projectId })
      .from(projectOrganisations)
      .where(and(eq(projectOrganisations.projectId, projectId), eq(projectOrganisations.organisationId, viewer.organisationId), eq(projectOrganisations.role, "funding")))
      .get();
    return funded !== undefined;
  }
  return visibleProjectIds(ctx).includes(projectId);
}

/** The projects whose figures the viewer may enter: an admin's are all, a manager's are their own. */
export function managedProjectIds(ctx: QueryContext): number[] {
  const db = dbOf(ctx);
  if (ctx.viewer.role === "admin") return db.select({ id: projects.id }).from(projects).all().map((p) => p.id);
  if (ctx.viewer.role !== "manager") return [];
  return db
    .select({ id: projectMembers.projectId })
    .from(projectMembers)
    .where(eq(projectMembers.userId, ctx.viewer.userId))
    .all()
    .map((p) => p.id);
}
