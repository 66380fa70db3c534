import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Reach } from "../../lib/beneficiaries/reach";
import type { ProjectStatus } from "../../lib/domain/codes";
import { countPeopleTrained, type PeopleTrained } from "../../lib/trainings/people-trained";
import type { Executor } from "../engine/types";
import { indicators, organisations, projectOrganisations, results, type Indicator } from "../tables";
import { listFiguresOf, type IndicatorFigure } from "./indicator-figures";
import { listProjects, type ProjectListItem } from "../projects/projects";
import { getReach } from "../registry/registry";
import { trainingsAsSeen } from "../trainings/trainings";
import { remember } from "../read-cache";
import { dbOf, seesUnapprovedFigures, viewerKey, type QueryContext } from "../users/viewer";

export type PortfolioFilters = { country?: string; donor?: string; status?: ProjectStatus };

export type PortfolioProject = ProjectListItem & { donors: { code: string; nameEn: string; nameFr: string | null }[]; main: IndicatorFigure | null };

export type Portfolio = {
  projects: PortfolioProject[];
  headline: { reach: Reach; trained: PeopleTrained; activeProjects: number };
  choices: { countries: string[]; donors: { code: string; nameEn: string; nameFr: string | null }[] };
  approvedOnly: boolean;
};

/** Each project's main indicator: its first output indicator with a target, context indicators aside. */
async function mainIndicators(db: Executor, projectIds: readonly number[]): Promise<Indicator[]> {
  if (projectIds.length === 0) return [];
  const candidates = await db
    .select({ indicator: indicators })
    .from(indicators)
    .innerJoin(results, eq(indicators.resultId, results.id))
    .where(and(inArray(indicators.projectId, [...projectIds]), eq(results.type, "output"), eq(indicators.isContext, false), isNotNull(indicators.target)))
    .orderBy(asc(indicators.projectId), asc(indicators.position), asc(indicators.id));
  const first = new Map<number, Indicator>();
  for (const { indicator } of candidates) if (!first.has(indicator.projectId)) first.set(indicator.projectId, indicator);
  return [...first.values()];
}

/**
 * The portfolio of the projects the viewer may see, narrowed by the filters: headline figures counted
 * once across projects (a person in two projects is one person), and each project's main indicator
 * (its first output indicator with a target) with progress.
 */
export async function getPortfolio(ctx: QueryContext, filters: PortfolioFilters): Promise<Portfolio> {
  return remember(dbOf(ctx), `portfolio|${viewerKey(ctx.viewer)}|${JSON.stringify(filters)}`, () => computePortfolio(ctx, filters));
}

async function computePortfolio(ctx: QueryContext, filters: PortfolioFilters): Promise<Portfolio> {
  const db = dbOf(ctx);
  const approvedOnly = !seesUnapprovedFigures(ctx.viewer);
  const all = await listProjects(ctx);
  const ids = all.map((p) => p.id);
  const donorRows =
    ids.length === 0
      ? []
      : await db
          .select({ projectId: projectOrganisations.projectId, code: organisations.code, nameEn: organisations.nameEn, nameFr: organisations.nameFr })
          .from(projectOrganisations)
          .innerJoin(organisations, eq(projectOrganisations.organisationId, organisations.id))
          .where(and(inArray(projectOrganisations.projectId, ids), eq(projectOrganisations.role, "funding")));
  const chosen = all.filter(
    (p) =>
      (!filters.country || p.countryCode === filters.country) &&
      (!filters.status || p.status === filters.status) &&
      (!filters.donor || donorRows.some((d) => d.projectId === p.id && d.code === filters.donor)),
  );
  const mains = new Map(
    (
      await listFiguresOf(
        ctx,
        await mainIndicators(
          db,
          chosen.map((p) => p.id),
        ),
      )
    ).map((f) => [f.indicator.projectId, f]),
  );
  const donorsOf = new Map<number, PortfolioProject["donors"]>();
  for (const { projectId, ...donor } of donorRows) donorsOf.set(projectId, [...(donorsOf.get(projectId) ?? []), donor]);
  const projects = chosen.map((p) => ({
    ...p,
    donors: donorsOf.get(p.id) ?? [],
    main: mains.get(p.id) ?? null,
  }));
  const chosenIds = chosen.map((p) => p.id);
  return {
    projects,
    headline: {
      reach: await getReach(ctx, chosenIds),
      trained: countPeopleTrained(await trainingsAsSeen(ctx, chosenIds)),
      activeProjects: chosen.filter((p) => p.status === "active").length,
    },
    choices: {
      countries: [...new Set(all.map((p) => p.countryCode))].sort(),
      donors: [...new Map(donorRows.map((d) => [d.code, { code: d.code, nameEn: d.nameEn, nameFr: d.nameFr }])).values()],
    },
    approvedOnly,
  };
}
