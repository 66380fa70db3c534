import type { Executor } from "../engine/types";
import {
  dataValues,
  indicatorDimensions,
  indicators,
  indicatorTargets,
  projectBudgets,
  projectSectors,
  projectLocations,
  projectOrganisations,
  projects,
  results,
  type NewDataValue,
  type NewIndicator,
  type NewProject,
} from "../tables";
import type { ProjectOrganisationRole, ResultType } from "../../lib/domain/codes";
import type { Ids } from "./reference";

// Small writers that turn the demo data, written as plain objects with codes, into rows with ids.

export type SeedRefs = {
  organisations: Ids;
  locations: Ids;
  dimensions: Ids;
  services: Ids;
  users: Ids;
  programmes: Ids;
};

export function idOf(ids: Ids, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`Demo data refers to an unknown code: ${code}`);
  return id;
}

export type ProjectSeed = Omit<NewProject, "countryId" | "programmeId"> & {
  programme?: string;
  country: string;
  organisations: [string, ProjectOrganisationRole][];
  locations: string[];
  budgets: [year: number, amount: number][];
  /** DAC 5-digit sector codes with the project's share in each (adding up to 100). */
  sectors: [code: string, percentage: number][];
};

export async function insertProject(tx: Executor, refs: SeedRefs, seed: ProjectSeed): Promise<number> {
  const { programme, country, organisations, locations, budgets, sectors, ...project } = seed;
  const { id } = (
    await tx
      .insert(projects)
      .values({
        ...project,
        programmeId: programme ? idOf(refs.programmes, programme) : null,
        countryId: idOf(refs.locations, country),
      })
      .returning({ id: projects.id })
  )[0]!;
  await tx.insert(projectOrganisations).values(organisations.map(([code, role]) => ({ projectId: id, organisationId: idOf(refs.organisations, code), role })));
  await tx.insert(projectLocations).values(locations.map((code) => ({ projectId: id, locationId: idOf(refs.locations, code) })));
  if (sectors.length > 0) await tx.insert(projectSectors).values(sectors.map(([code, percentage]) => ({ projectId: id, code, percentage })));
  if (budgets.length > 0) {
    await tx.insert(projectBudgets).values(budgets.map(([year, amount]) => ({ projectId: id, year, amount, currency: project.currency ?? "USD" })));
  }
  return id;
}

export type ResultSeed = { code: string; type: ResultType; titleEn: string; titleFr: string; parent?: string };

export type IndicatorSeed = Omit<NewIndicator, "projectId" | "resultId" | "position"> & {
  result?: string;
  dimensions?: string[];
  periodTargets?: Record<string, number>;
};

/** Inserts a results framework; returns the indicators' ids by code. */
export async function insertFramework(tx: Executor, refs: SeedRefs, projectId: number, resultSeeds: ResultSeed[], indicatorSeeds: IndicatorSeed[]): Promise<Ids> {
  const resultIds: Ids = new Map();
  for (const [position, { parent, ...result }] of resultSeeds.entries()) {
    const parentId = parent === undefined ? null : idOf(resultIds, parent);
    const { id } = (
      await tx
        .insert(results)
        .values({ ...result, projectId, parentId, position })
        .returning({ id: results.id })
    )[0]!;
    resultIds.set(result.code, id);
  }

  const indicatorIds: Ids = new Map();
  for (const [position, { result, dimensions, periodTargets, ...indicator }] of indicatorSeeds.entries()) {
    const { id } = (
      await tx
        .insert(indicators)
        .values({ ...indicator, projectId, resultId: result ? idOf(resultIds, result) : null, position })
        .returning({ id: indicators.id })
    )[0]!;
    indicatorIds.set(indicator.code, id);
    for (const dimension of dimensions ?? []) {
      await tx.insert(indicatorDimensions).values({ indicatorId: id, dimensionId: idOf(refs.dimensions, dimension) });
    }
    const targets = Object.entries(periodTargets ?? {});
    if (targets.length > 0) {
      await tx.insert(indicatorTargets).values(targets.map(([period, value]) => ({ indicatorId: id, period, value })));
    }
  }
  return indicatorIds;
}

/** Inserts rows in chunks that stay under SQLite's limit of bound variables per statement. */
export async function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>, chunkSize = 500): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) await insert(rows.slice(start, start + chunkSize));
}

export async function insertDataValues(tx: Executor, rows: readonly NewDataValue[]): Promise<void> {
  await insertInChunks(rows, (chunk) => tx.insert(dataValues).values(chunk));
}
