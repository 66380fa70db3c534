// The breakdowns indicators require, without access checks: the capability groups of db/ check access first.
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../engine/types";
import { dimensionOptions, dimensions, indicatorDimensions } from "../tables";

export type SheetDimension = { code: string; nameEn: string; nameFr: string; options: { code: string; nameEn: string; nameFr: string }[] };

/** The breakdowns each indicator requires, with their options, in the order of the grid. */
export async function loadIndicatorDimensions(db: Executor, indicatorIds: readonly number[]): Promise<Map<number, SheetDimension[]>> {
  const byIndicator = new Map<number, SheetDimension[]>();
  if (indicatorIds.length === 0) return byIndicator;
  const rows = await db
    .select({ indicatorId: indicatorDimensions.indicatorId, dimension: dimensions, option: dimensionOptions })
    .from(indicatorDimensions)
    .innerJoin(dimensions, eq(indicatorDimensions.dimensionId, dimensions.id))
    .innerJoin(dimensionOptions, eq(dimensionOptions.dimensionId, dimensions.id))
    .where(inArray(indicatorDimensions.indicatorId, [...indicatorIds]))
    .orderBy(asc(dimensions.position), asc(dimensionOptions.position));
  for (const row of rows) {
    const dims = byIndicator.get(row.indicatorId) ?? [];
    let dim = dims.find((d) => d.code === row.dimension.code);
    if (!dim) {
      dim = { code: row.dimension.code, nameEn: row.dimension.nameEn, nameFr: row.dimension.nameFr, options: [] };
      dims.push(dim);
    }
    dim.options.push({ code: row.option.code, nameEn: row.option.nameEn, nameFr: row.option.nameFr });
    byIndicator.set(row.indicatorId, dims);
  }
  return byIndicator;
}
