import { encodeOptionKey } from "../disaggregation/option-key";

// Before a period is submitted, the manager sees which expected figures are empty: each indicator
// entered by hand that is due (see expectedPlaces), at each of its places, its total and the
// breakdowns it requires. Missing is not
// zero, so an empty total is a gap even when zero would be plausible; but a breakdown whose options
// entered already add up to the total is complete: the options left empty have nobody in them.

export type ExpectedIndicator = {
  id: number;
  dimensions: readonly { code: string; options: readonly string[] }[];
  /** The places it is reported at. */
  places: readonly string[];
};

/** One expected figure: an indicator's total ("") or one option ("sex=female") at one place. */
export type Cell = { indicatorId: number; locationCode: string; disaggregation: string };

export const cellId = (cell: Cell) => `${cell.indicatorId}|${cell.locationCode}|${cell.disaggregation}`;

/** What a filled cell holds: its value, or its numerator and denominator. */
export type Entered = ReadonlyMap<string, readonly number[]>;

const TOLERANCE = 1e-9;

function addsUp(total: readonly number[] | undefined, options: readonly (readonly number[] | undefined)[]): boolean {
  if (!total) return false;
  return total.every((amount, part) => Math.abs(options.reduce((sum, o) => sum + (o?.[part] ?? 0), 0) - amount) <= TOLERANCE * Math.max(1, Math.abs(amount)));
}

/** The expected figures of a period that are empty, in the entry grid's order. */
export function findGaps(indicators: readonly ExpectedIndicator[], entered: Entered): Cell[] {
  return indicators.flatMap((indicator) =>
    indicator.places.flatMap((locationCode) => {
      const at = (disaggregation: string) => entered.get(cellId({ indicatorId: indicator.id, locationCode, disaggregation }));
      const total = at("");
      const gaps: Cell[] = total ? [] : [{ indicatorId: indicator.id, locationCode, disaggregation: "" }];
      for (const dimension of indicator.dimensions) {
        const keys = dimension.options.map((option) => encodeOptionKey({ [dimension.code]: option }));
        if (addsUp(total, keys.map(at))) continue;
        for (const key of keys) if (!at(key)) gaps.push({ indicatorId: indicator.id, locationCode, disaggregation: key });
      }
      return gaps;
    }),
  );
}

/** Gaps grouped for reading: per indicator, per place, the totals and options missing. */
export function groupGaps(gaps: readonly Cell[]): { indicatorId: number; places: { locationCode: string; disaggregations: string[] }[] }[] {
  const byIndicator = new Map<number, Map<string, string[]>>();
  for (const gap of gaps) {
    const places = byIndicator.get(gap.indicatorId) ?? new Map<string, string[]>();
    places.set(gap.locationCode, [...(places.get(gap.locationCode) ?? []), gap.disaggregation]);
    byIndicator.set(gap.indicatorId, places);
  }
  return [...byIndicator].map(([indicatorId, places]) => ({
    indicatorId,
    places: [...places].map(([locationCode, disaggregations]) => ({ locationCode, disaggregations })),
  }));
}

/**
 * The places an indicator is expected at in a period: those it was reported at lately (this period
 * or the few before it); one not reported lately is expected only when a target is set for the
 * period, at the project's places below the country (the country itself when it has no other). So
 * an outcome surveyed once a year is not asked for every quarter.
 */
export function expectedPlaces(reportedLately: readonly string[], projectPlaces: readonly { code: string; level: string }[], targetSet: boolean): string[] {
  if (reportedLately.length > 0) return projectPlaces.filter((p) => reportedLately.includes(p.code)).map((p) => p.code);
  if (!targetSet) return [];
  const below = projectPlaces.filter((p) => p.level !== "country");
  return (below.length > 0 ? below : projectPlaces).map((p) => p.code);
}
