import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { locations, organisations, programmes, projectLocations, projectOrganisations, projects, type Project } from "../schema";
import { dbOf, visibleProjectIds, type QueryContext } from "./viewer";

export type ProjectListItem = Pick<Project, "id" | "code" | "titleEn" | "titleFr" | "status" | "startDate" | "endDate" | "phase"> & {
  programmeCode: string | null;
  programmeTitleEn: string | null;
  programmeTitleFr: string | null;
  countryCode: string;
};

/** The projects the viewer may see, ordered by programme and phase. */
export function listProjects(ctx: QueryContext): ProjectListItem[] {
  const ids = visibleProjectIds(ctx);
  if (ids.length === 0) return [];
  return dbOf(ctx)
    .select({
      id: projects.id,
      code: projects.code,
      titleEn: projects.titleEn,
      titleFr: projects.titleFr,
      status: projects.status,
      startDate: projects.startDate,
      endDate: projects.endDate,
      phase: projects.phase,
      programmeCode: programmes.code,
      programmeTitleEn: programmes.titleEn,
      programmeTitleFr: programmes.titleFr,
      countryCode: locations.countryCode,
    })
    .from(projects)
    .leftJoin(programmes, eq(projects.programmeId, programmes.id))
    .innerJoin(locations, eq(projects.countryId, locations.id))
    .where(inArray(projects.id, ids))
    .orderBy(asc(programmes.code), asc(projects.phase), asc(projects.code))
    .all();
}

/** A project the viewer may see, by code; null when there is none or the viewer may not see it. */
export function getProjectByCode(ctx: QueryContext, code: string): Project | null {
  const project = dbOf(ctx).select().from(projects).where(eq(projects.code, code)).get();
  if (!project || !visibleProjectIds(ctx).includes(project.id)) return null;
  return project;
}

/** The organisations of a visible project with their roles. */
export function listProjectOrganisations(ctx: QueryContext, projectId: number) {
  if (!visibleProjectIds(ctx).includes(projectId)) return [];
  return dbOf(ctx)
    .select({ role: projectOrganisations.role, organisation: organisations })
    .from(projectOrganisations)
    .innerJoin(organisations, eq(projectOrganisations.organisationId, organisations.id))
    .where(eq(projectOrganisations.projectId, projectId))
    .all();
}

/** The places a visible project works in. */
export function listProjectLocations(ctx: QueryContext, projectId: number) {
  if (!visibleProjectIds(ctx).includes(projectId)) return [];
  return dbOf(ctx)
    .select({ location: locations })
    .from(projectLocations)
    .innerJoin(locations, eq(projectLocations.locationId, locations.id))
    .where(and(eq(projectLocations.projectId, projectId)))
    .orderBy(asc(locations.code))
    .all()
    .map((row) => row.location);
}
