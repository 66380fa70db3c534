import "server-only";
import { and, asc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { findGaps, type Cell } from "../../lib/workflow/completeness";
import type { Executor } from "../client";
import { dataValues, indicators, locations, projectLocations, type Indicator } from "../schema";
import { loadIndicatorDimensions } from "./entry-sheet";

export type PeriodGap = Cell & { indicatorCode: string };

/**
 * The expected figures of a project's period that are empty: every indicator entered by hand, at
 * each of the project's places, its total and each option of the breakdowns it requires. Callers
 * check access first.
 */
export function findPeriodGaps(db: Executor, projectId: number, period: string): PeriodGap[] {
  const list: Indicator[] = db.select().from(indicators).where(and(eq(indicators.projectId, projectId), eq(indicators.source, "manual"))).orderBy(asc(indicators.position)).all();
  if (list.length === 0) return [];
  const places = db
    .select({ id: locations.id, code: locations.code })
    .from(projectLocations)
    .innerJoin(locations, eq(projectLocations.locationId, locations.id))
    .where(eq(projectLocations.projectId, projectId))
    .orderBy(asc(locations.level), asc(locations.nameEn))
    .all();
  const codeOf = new Map(places.map((p) => [p.id, p.code]));
  const dimensionsOf = loadIndicatorDimensions(db, list.map((i) => i.id));
  const filled = new Set(
    db
      .select({ indicatorId: dataValues.indicatorId, locationId: dataValues.locationId, disaggregation: dataValues.disaggregation })
      .from(dataValues)
      .where(and(inArray(dataValues.indicatorId, list.map((i) => i.id)), eq(dataValues.period, period), or(isNotNull(dataValues.value), isNotNull(dataValues.numerator))))
      .all()
      .map((v) => `${v.indicatorId}|${codeOf.get(v.locationId) ?? ""}|${v.disaggregation}`),
  );
  const expected = list.map((i) => ({ id: i.id, dimensions: (dimensionsOf.get(i.id) ?? []).map((d) => ({ code: d.code, options: d.options.map((o) => o.code) })) }));
  const codes = new Map(list.map((i) => [i.id, i.code]));
  return findGaps(expected, places.map((p) => p.code), filled).map((gap) => ({ ...gap, indicatorCode: codes.get(gap.indicatorId) ?? "" }));
}
