import type { IndicatorMeasure, IndicatorSource, ResultType, TimeAggregation } from "../domain/codes";
import type { Actual } from "./actual";
import type { ResultNode } from "./result-tree";
import type { IndicatorStatus } from "./status";

// The shapes pages, components, exports and reports exchange about indicators. The data layer's rows
// (db/figures) carry more fields and fit these as they are.

/** What is shown of an indicator itself. */
export type IndicatorFields = {
  id: number;
  code: string;
  nameEn: string;
  nameFr: string | null;
  unitEn: string | null;
  unitFr: string | null;
  measure: IndicatorMeasure;
  timeAggregation: TimeAggregation;
  source: IndicatorSource;
  baselineValue: number | null;
  target: number | null;
  resultId: number | null;
  isContext: boolean;
};

/** An indicator's figure under the dashboard's place or breakdown filter, or why there is none. */
export type FilteredFigure = { kind: "actual"; actual: Actual | null } | { kind: "not_broken_down" };

/** An indicator's row: its actual to date, progress, status against the target due, and the filtered figure. */
export type IndicatorRow = {
  indicator: IndicatorFields;
  actual: Actual | null;
  /** Fraction of the way from baseline to target (1 = reached); null without target or actual. */
  progress: number | null;
  status: IndicatorStatus;
  /** The target due by now; null when none is set. */
  due: number | null;
  includesUnapproved: boolean;
  filtered: FilteredFigure | null;
};

/** A result of the framework, as its heading shows it, with its place in the hierarchy. */
export type ResultHeading = ResultNode & { code: string; type: ResultType; titleEn: string; titleFr: string | null };
