import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { locations, organisations, programmes, projectLocations, projectOrganisations, projects, type Project } from "../tables";
import { dbOf, may, projectsWhere, visibleAmong, type QueryContext } from "../users/viewer";

export type ProjectListItem = Pick<Project, "id" | "code" | "titleEn" | "titleFr" | "status" | "startDate" | "endDate" | "phase"> & {
  programmeCode: string | null;
  programmeTitleEn: string | null;
  programmeTitleFr: string | null;
  countryCode: string;
};

/** The projects the viewer may see, ordered by programme and phase. */
export async function listProjects(ctx: QueryContext): Promise<ProjectListItem[]> {
  const ids = await projectsWhere(ctx, "see");
  if (ids.length === 0) return [];
  return await dbOf(ctx)
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
    .orderBy(asc(programmes.code), asc(projects.phase), asc(projects.code));
}

/** A project the viewer may see, by code (or id when a number); null when there is none or the viewer may not see it. */
export async function getProjectByCode(ctx: QueryContext, ref: string | number): Promise<Project | null> {
  const project = (
    await dbOf(ctx)
      .select()
      .from(projects)
      .where(typeof ref === "number" ? eq(projects.id, ref) : eq(projects.code, ref))
  )[0];
  if (!project || !(await may(ctx, "see", project.id))) return null;
  return project;
}

/** The organisations of a visible project with their roles. */
export async function listProjectOrganisations(ctx: QueryContext, projectId: number) {
  if (!(await may(ctx, "see", projectId))) return [];
  return await dbOf(ctx)
    .select({ role: projectOrganisations.role, organisation: organisations })
    .from(projectOrganisations)
    .innerJoin(organisations, eq(projectOrganisations.organisationId, organisations.id))
    .where(eq(projectOrganisations.projectId, projectId));
}

/** The places a visible project works in. */
export async function listProjectLocations(ctx: QueryContext, projectId: number) {
  if (!(await may(ctx, "see", projectId))) return [];
  return (
    await dbOf(ctx)
      .select({ location: locations })
      .from(projectLocations)
      .innerJoin(locations, eq(projectLocations.locationId, locations.id))
      .where(and(eq(projectLocations.projectId, projectId)))
      .orderBy(asc(locations.level), asc(locations.nameEn))
  ).map((row) => row.location);
}

export type ProjectOverview = {
  project: Project;
  programme: { code: string; titleEn: string; titleFr: string | null } | null;
  country: { code: string; countryCode: string; nameEn: string; nameFr: string | null };
  organisations: Awaited<ReturnType<typeof listProjectOrganisations>>;
  locations: Awaited<ReturnType<typeof listProjectLocations>>;
};

/** Everything that describes a visible project; null when there is none or the viewer may not see it. */
export async function getProjectOverview(ctx: QueryContext, ref: string | number): Promise<ProjectOverview | null> {
  const project = await getProjectByCode(ctx, ref);
  if (!project) return null;
  const db = dbOf(ctx);
  const programme =
    project.programmeId === null
      ? null
      : ((await db.select({ code: programmes.code, titleEn: programmes.titleEn, titleFr: programmes.titleFr }).from(programmes).where(eq(programmes.id, project.programmeId)))[0] ??
        null);
  const country = (
    await db
      .select({ code: locations.code, countryCode: locations.countryCode, nameEn: locations.nameEn, nameFr: locations.nameFr })
      .from(locations)
      .where(eq(locations.id, project.countryId))
  )[0];
  if (!country) throw new Error(`Project ${project.code} has no country`);
  return {
    project,
    programme,
    country,
    organisations: await listProjectOrganisations(ctx, project.id),
    locations: await listProjectLocations(ctx, project.id),
  };
}

/** The names of the funding organisations of visible projects, by project id. */
export async function listProjectDonors(ctx: QueryContext, projectIds: readonly number[]): Promise<Map<number, { nameEn: string; nameFr: string | null }[]>> {
  const ids = await visibleAmong(ctx, projectIds);
  const donors = new Map<number, { nameEn: string; nameFr: string | null }[]>();
  if (ids.length === 0) return donors;
  const rows = await dbOf(ctx)
    .select({ projectId: projectOrganisations.projectId, nameEn: organisations.nameEn, nameFr: organisations.nameFr })
    .from(projectOrganisations)
    .innerJoin(organisations, eq(projectOrganisations.organisationId, organisations.id))
    .where(and(inArray(projectOrganisations.projectId, ids), eq(projectOrganisations.role, "funding")))
    .orderBy(asc(organisations.nameEn));
  for (const { projectId, ...name } of rows) donors.set(projectId, [...(donors.get(projectId) ?? []), name]);
  return donors;
}
