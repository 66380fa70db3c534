import type { IndicatorMeasure } from "@/lib/domain/codes";

// Plain data the server hands to the entry grid.

export type GridOption = { code: string; name: string };
export type GridDimension = { code: string; name: string; options: GridOption[] };
export type GridIndicator = {
  id: number;
  code: string;
  name: string;
  unit: string | null;
  measure: IndicatorMeasure;
  dimensions: GridDimension[];
};
export type GridLocation = { code: string; name: string };
export type GridCellValue = {
  indicatorId: number;
  locationCode: string;
  disaggregation: Record<string, string>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: number | null;
};

export type GridLabels = {
  location: string;
  cell: string;
  total: string;
  value: string;
  numerator: string;
  denominator: string;
  result: string;
  comment: string;
  history: string;
  hideHistory: string;
  noHistory: string;
  save: string;
  saving: string;
  keyboard: string;
  /** "{dimension}: {sum} of {total}" with the placeholders left in. */
  sum: string;
  /** "Unsaved changes: {count}" with the placeholder left in. */
  unsaved: string;
};
