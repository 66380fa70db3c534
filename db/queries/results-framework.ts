import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { dimensionOptions, dimensions, indicatorDimensions, indicators, results, type Indicator, type Result } from "../schema";
import { AccessDeniedError } from "./errors";
import { canSeeProject, dbOf, type QueryContext } from "./viewer";

function assertVisible(ctx: QueryContext, projectId: number): void {
  if (!canSeeProject(ctx, projectId)) throw new AccessDeniedError(`project ${projectId}`);
}

/** The results of a visible project, in their stored order. */
export function listResults(ctx: QueryContext, projectId: number): Result[] {
  assertVisible(ctx, projectId);
  return dbOf(ctx).select().from(results).where(eq(results.projectId, projectId)).orderBy(asc(results.position)).all();
}

/** The indicators of a visible project, in their stored order. */
export function listIndicators(ctx: QueryContext, projectId: number): Indicator[] {
  assertVisible(ctx, projectId);
  return dbOf(ctx).select().from(indicators).where(eq(indicators.projectId, projectId)).orderBy(asc(indicators.position)).all();
}

export type IndicatorDisaggregation = { dimension: string; options: string[] };

/** Per indicator of a visible project: the dimensions it is disaggregated by, with their option codes. */
export function listIndicatorDisaggregations(ctx: QueryContext, projectId: number): Map<number, IndicatorDisaggregation[]> {
  assertVisible(ctx, projectId);
  const db = dbOf(ctx);
  const indicatorIds = db.select({ id: indicators.id }).from(indicators).where(eq(indicators.projectId, projectId)).all().map((i) => i.id);
  const byIndicator = new Map<number, IndicatorDisaggregation[]>();
  if (indicatorIds.length === 0) return byIndicator;
  const rows = db
    .select({ indicatorId: indicatorDimensions.indicatorId, dimension: dimensions.code, option: dimensionOptions.code })
    .from(indicatorDimensions)
    .innerJoin(dimensions, eq(indicatorDimensions.dimensionId, dimensions.id))
    .innerJoin(dimensionOptions, eq(dimensionOptions.dimensionId, dimensions.id))
    .where(inArray(indicatorDimensions.indicatorId, indicatorIds))
    .orderBy(asc(dimensions.position), asc(dimensionOptions.position))
    .all();
  for (const { indicatorId, dimension, option } of rows) {
    const list = byIndicator.get(indicatorId) ?? [];
    const entry = list.find((d) => d.dimension === dimension);
    if (entry) entry.options.push(option);
    else list.push({ dimension, options: [option] });
    byIndicator.set(indicatorId, list);
  }
  return byIndicator;
}
