import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Reach } from "../../lib/beneficiaries/reach";
import type { ProjectStatus } from "../../lib/domain/codes";
import { countPeopleTrained, type PeopleTrained } from "../../lib/trainings/people-trained";
import { organisations, projectOrganisations, results } from "../schema";
import { listIndicatorFigures, type IndicatorFigure } from "./indicator-figures";
import { listProjects, type ProjectListItem } from "./projects";
import { getReach } from "./registry";
import { trainingsAsSeen } from "./trainings";
import { dbOf, seesUnapprovedFigures, type QueryContext } from "./viewer";

export type PortfolioFilters = { country?: string; donor?: string; status?: ProjectStatus };

export type PortfolioProject = ProjectListItem & { donors: { code: string; nameEn: string; nameFr: string | null }[]; main: IndicatorFigure | null };

export type Portfolio = {
  projects: PortfolioProject[];
  headline: { reach: Reach; trained: PeopleTrained; activeProjects: number };
  choices: { countries: string[]; donors: { code: string; nameEn: string; nameFr: string | null }[] };
  approvedOnly: boolean;
};

/**
 * The portfolio of the projects the viewer may see, narrowed by the filters: headline figures counted
 * once across projects (a person in two projects is one person), and each project's main indicator
 * (its first output indicator with a target) with progress.
 */
export function getPortfolio(ctx: QueryContext, filters: PortfolioFilters): Portfolio {
  const db = dbOf(ctx);
  const approvedOnly = !seesUnapprovedFigures(ctx.viewer);
  const all = listProjects(ctx);
  const ids = all.map((p) => p.id);
  const donorRows =
    ids.length === 0
      ? []
      : db
          .select({ projectId: projectOrganisations.projectId, code: organisations.code, nameEn: organisations.nameEn, nameFr: organisations.nameFr })
          .from(projectOrganisations)
          .innerJoin(organisations, eq(projectOrganisations.organisationId, organisations.id))
          .where(and(inArray(projectOrganisations.projectId, ids), eq(projectOrganisations.role, "funding")))
          .all();
  const outputResults = new Set(
    ids.length === 0 ? [] : db.select({ id: results.id }).from(results).where(and(inArray(results.projectId, ids), eq(results.type, "output"))).all().map((r) => r.id),
  );
  const chosen = all.filter(
    (p) =>
      (!filters.country || p.countryCode === filters.country) &&
      (!filters.status || p.status === filters.status) &&
      (!filters.donor || donorRows.some((d) => d.projectId === p.id && d.code === filters.donor)),
  );
  const projects = chosen.map((p) => ({
    ...p,
    donors: donorRows.filter((d) => d.projectId === p.id).map(({ code, nameEn, nameFr }) => ({ code, nameEn, nameFr })),
    main: listIndicatorFigures(ctx, p.id).find((f) => !f.indicator.isContext && f.indicator.target !== null && f.indicator.resultId !== null && outputResults.has(f.indicator.resultId)) ?? null,
  }));
  const chosenIds = chosen.map((p) => p.id);
  return {
    projects,
    headline: {
      reach: getReach(ctx, chosenIds),
      trained: countPeopleTrained(trainingsAsSeen(ctx, chosenIds)),
      activeProjects: chosen.filter((p) => p.status === "active").length,
    },
    choices: {
      countries: [...new Set(all.map((p) => p.countryCode))].sort(),
      donors: [...new Map(donorRows.map((d) => [d.code, { code: d.code, nameEn: d.nameEn, nameFr: d.nameFr }])).values()],
    },
    approvedOnly,
  };
}

