import type { FocusEvent } from "react";
import type { IndicatorMeasure, Language } from "@/lib/domain/codes";
import type { Translator } from "@/lib/i18n/translator";

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
  /** The target set for this period, for the whole project; null when none is. */
  target: number | null;
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
  /** The heading of the column of the previous period's figure and the target. */
  context: string;
};

/** The messages the grid words itself in the browser: problems of figures, sums, previous figures and targets. */
export type GridMessages = { language: Language; messages: Record<string, unknown> };

export type SavedCell = { key: string; version: number | null; value: number | null; numerator: number | null; denominator: number | null; comment: string | null };
export type CellHistoryInput = { projectCode: string; indicatorId: number; period: string; locationCode: string; disaggregation: string };

/** One row of the grid: a cell of one indicator at one place, its total or one option of a breakdown. */
export type Row = { key: string; id: string; indicator: GridIndicator; location: GridLocation; options: Record<string, string>; label: string; isTotal: boolean };
export type Part = "value" | "numerator" | "denominator";

/** What every row and block of the grid shares: the words, the formats, and what typing does. Stable across renders. */
export type GridRowView = {
  t: Translator;
  number: { format(value: number): string };
  percent: { format(ratio: number): string };
  labels: GridLabels;
  previousPeriodLabel: string;
  editable: boolean;
  update: (key: string, field: Part | "comment", text: string) => void;
  leaveCell: (row: Row) => void;
  leavePlace: (indicator: GridIndicator, location: GridLocation, event: FocusEvent<HTMLElement>) => void;
  toggleHistory: (row: Row, shown: boolean) => void;
};
