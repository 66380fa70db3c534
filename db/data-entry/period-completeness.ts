import "server-only";
import { periodTargets } from "./period-targets";
import { and, asc, eq, inArray } from "drizzle-orm";
import { cellId, expectedPlaces, findGaps, type Cell } from "../../lib/workflow/completeness";
import type { Executor } from "../engine/types";
import { previousPeriod } from "../../lib/periods/period";
import { dataValues, indicators, locations, projectLocations, type Indicator } from "../tables";
import { loadIndicatorDimensions } from "../records/indicator-dimensions";

export type PeriodGap = Cell & { indicatorCode: string };

/**
 * The expected figures of a project's period that are empty: every indicator entered by hand that
 * is due (reported lately, or with a target for the period: lib/workflow/completeness), at its
 * places, its total and the breakdowns it requires. Callers check access first.
 */
export async function findPeriodGaps(db: Executor, projectId: number, period: string): Promise<PeriodGap[]> {
  const list: Indicator[] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.projectId, projectId), eq(indicators.source, "manual")))
    .orderBy(asc(indicators.position));
  if (list.length === 0) return [];
  const places = await db
    .select({ id: locations.id, code: locations.code, level: locations.level })
    .from(projectLocations)
    .innerJoin(locations, eq(projectLocations.locationId, locations.id))
    .where(eq(projectLocations.projectId, projectId))
    .orderBy(asc(locations.level), asc(locations.nameEn));
  const codeOf = new Map(places.map((p) => [p.id, p.code]));
  // Lately: this period and the four before it (a year of quarters, a few months).
  const lately = [period];
  while (lately.length < 5) lately.push(previousPeriod(lately.at(-1) as string));
  const values = await db
    .select({
      indicatorId: dataValues.indicatorId,
      period: dataValues.period,
      locationId: dataValues.locationId,
      disaggregation: dataValues.disaggregation,
      value: dataValues.value,
      numerator: dataValues.numerator,
      denominator: dataValues.denominator,
    })
    .from(dataValues)
    .where(
      and(
        inArray(
          dataValues.indicatorId,
          list.map((i) => i.id),
        ),
        inArray(dataValues.period, lately),
      ),
    );
  const targeted = new Set((await periodTargets(db, list, period)).keys());
  const reportedAt = new Map<number, Set<string>>();
  const entered = new Map<string, number[]>();
  for (const v of values) {
    const locationCode = codeOf.get(v.locationId) ?? "";
    if (v.disaggregation === "") reportedAt.set(v.indicatorId, (reportedAt.get(v.indicatorId) ?? new Set()).add(locationCode));
    if (v.period !== period) continue;
    const parts = v.value !== null ? [v.value] : v.numerator !== null && v.denominator !== null ? [v.numerator, v.denominator] : null;
    if (parts) entered.set(cellId({ indicatorId: v.indicatorId, locationCode, disaggregation: v.disaggregation }), parts);
  }
  const dimensionsOf = await loadIndicatorDimensions(
    db,
    list.map((i) => i.id),
  );
  const expected = list.map((i) => ({
    id: i.id,
    dimensions: (dimensionsOf.get(i.id) ?? []).map((d) => ({ code: d.code, options: d.options.map((o) => o.code) })),
    places: expectedPlaces([...(reportedAt.get(i.id) ?? [])], places, targeted.has(i.id)),
  }));
  const codes = new Map(list.map((i) => [i.id, i.code]));
  return findGaps(expected, entered).map((gap) => ({ ...gap, indicatorCode: codes.get(gap.indicatorId) ?? "" }));
}
