import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { dimensionOptions, dimensions, indicatorDimensions, indicators, results, type Indicator, type Result } from "../tables";
import { AccessDeniedError } from "../errors";
import { dbOf, may, type QueryContext } from "../users/viewer";

async function assertVisible(ctx: QueryContext, projectId: number): Promise<void> {
  if (!(await may(ctx, "see", projectId))) throw new AccessDeniedError(`project ${projectId}`);
}

/** The results of a visible project, in their stored order. */
export async function listResults(ctx: QueryContext, projectId: number): Promise<Result[]> {
  await assertVisible(ctx, projectId);
  return await dbOf(ctx).select().from(results).where(eq(results.projectId, projectId)).orderBy(asc(results.position));
}

/** The indicators of a visible project, in their stored order. */
export async function listIndicators(ctx: QueryContext, projectId: number): Promise<Indicator[]> {
  await assertVisible(ctx, projectId);
  return await dbOf(ctx).select().from(indicators).where(eq(indicators.projectId, projectId)).orderBy(asc(indicators.position));
}

export type IndicatorDisaggregation = { dimension: string; options: string[] };

/** Per indicator of a visible project: the dimensions it is disaggregated by, with their option codes. */
export async function listIndicatorDisaggregations(ctx: QueryContext, projectId: number): Promise<Map<number, IndicatorDisaggregation[]>> {
  await assertVisible(ctx, projectId);
  const db = dbOf(ctx);
  const indicatorIds = (await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.projectId, projectId))).map((i) => i.id);
  const byIndicator = new Map<number, IndicatorDisaggregation[]>();
  if (indicatorIds.length === 0) return byIndicator;
  const rows = await db
    .select({ indicatorId: indicatorDimensions.indicatorId, dimension: dimensions.code, option: dimensionOptions.code })
    .from(indicatorDimensions)
    .innerJoin(dimensions, eq(indicatorDimensions.dimensionId, dimensions.id))
    .innerJoin(dimensionOptions, eq(dimensionOptions.dimensionId, dimensions.id))
    .where(inArray(indicatorDimensions.indicatorId, indicatorIds))
    .orderBy(asc(dimensions.position), asc(dimensionOptions.position));
  for (const { indicatorId, dimension, option } of rows) {
    const list = byIndicator.get(indicatorId) ?? [];
    const entry = list.find((d) => d.dimension === dimension);
    if (entry) entry.options.push(option);
    else list.push({ dimension, options: [option] });
    byIndicator.set(indicatorId, list);
  }
  return byIndicator;
}
