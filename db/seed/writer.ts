import type { Executor } from "../client";
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
} from "../schema";
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

export function insertProject(tx: Executor, refs: SeedRefs, seed: ProjectSeed): number {
  const { programme, country, organisations, locations, budgets, sectors, ...project } = seed;
  const { id } = tx
    .insert(projects)
    .values({
      ...project,
      programmeId: programme ? idOf(refs.programmes, programme) : null,
      countryId: idOf(refs.locations, country),
    })
    .returning({ id: projects.id })
    .get();
  tx.insert(projectOrganisations)
    .values(organisations.map(([code, role]) => ({ projectId: id, organisationId: idOf(refs.organisations, code), role })))
    .run();
  tx.insert(projectLocations)
    .values(locations.map((code) => ({ projectId: id, locationId: idOf(refs.locations, code) })))
    .run();
  if (sectors.length > 0) tx.insert(projectSectors).values(sectors.map(([code, percentage]) => ({ projectId: id, code, percentage }))).run();
  if (budgets.length > 0) {
    tx.insert(projectBudgets)
      .values(budgets.map(([year, amount]) => ({ projectId: id, year, amount, currency: project.currency ?? "USD" })))
      .run();
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
export function insertFramework(
  tx: Executor,
  refs: SeedRefs,
  projectId: number,
  resultSeeds: ResultSeed[],
  indicatorSeeds: IndicatorSeed[],
): Ids {
  const resultIds: Ids = new Map();
  resultSeeds.forEach(({ parent, ...result }, position) => {
    const parentId = parent === undefined ? null : idOf(resultIds, parent);
    const { id } = tx
      .insert(results)
      .values({ ...result, projectId, parentId, position })
      .returning({ id: results.id })
      .get();
    resultIds.set(result.code, id);
  });

  const indicatorIds: Ids = new Map();
  indicatorSeeds.forEach(({ result, dimensions, periodTargets, ...indicator }, position) => {
    const { id } = tx
      .insert(indicators)
      .values({ ...indicator, projectId, resultId: result ? idOf(resultIds, result) : null, position })
      .returning({ id: indicators.id })
      .get();
    indicatorIds.set(indicator.code, id);
    for (const dimension of dimensions ?? []) {
      tx.insert(indicatorDimensions).values({ indicatorId: id, dimensionId: idOf(refs.dimensions, dimension) }).run();
    }
    const targets = Object.entries(periodTargets ?? {});
    if (targets.length > 0) {
      tx.insert(indicatorTargets)
        .values(targets.map(([period, value]) => ({ indicatorId: id, period, value })))
        .run();
    }
  });
  return indicatorIds;
}

/** Inserts rows in chunks that stay under SQLite's limit of bound variables per statement. */
export function insertInChunks<T>(rows: readonly T[], insert: (chunk: T[]) => void, chunkSize = 500): void {
  for (let start = 0; start < rows.length; start += chunkSize) insert(rows.slice(start, start + chunkSize));
}

export function insertDataValues(tx: Executor, rows: readonly NewDataValue[]): void {
  insertInChunks(rows, (chunk) => tx.insert(dataValues).values(chunk).run());
}
