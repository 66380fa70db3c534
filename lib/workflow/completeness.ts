import { encodeOptionKey } from "../disaggregation/option-key";

// Before a period is submitted, the manager sees which expected figures are empty: each indicator
// entered by hand, at each place of the project, its total and each option of the breakdowns it
// requires. Missing is not zero, so an empty cell is a gap even when zero would be plausible.

export type ExpectedIndicator = { id: number; dimensions: readonly { code: string; options: readonly string[] }[] };

/** One expected figure: an indicator's total ("") or one option ("sex=female") at one place. */
export type Cell = { indicatorId: number; locationCode: string; disaggregation: string };

export const cellId = (cell: Cell) => `${cell.indicatorId}|${cell.locationCode}|${cell.disaggregation}`;

/** Every figure a period of the project expects, in the entry grid's order. */
export function expectedCells(indicators: readonly ExpectedIndicator[], locationCodes: readonly string[]): Cell[] {
  return indicators.flatMap((indicator) =>
    locationCodes.flatMap((locationCode) => [
      { indicatorId: indicator.id, locationCode, disaggregation: "" },
      ...indicator.dimensions.flatMap((dimension) =>
        dimension.options.map((option) => ({ indicatorId: indicator.id, locationCode, disaggregation: encodeOptionKey({ [dimension.code]: option }) })),
      ),
    ]),
  );
}

/** The expected figures that are empty, given the ids (cellId) of the cells that hold a figure. */
export function findGaps(indicators: readonly ExpectedIndicator[], locationCodes: readonly string[], filled: ReadonlySet<string>): Cell[] {
  return expectedCells(indicators, locationCodes).filter((cell) => !filled.has(cellId(cell)));
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
