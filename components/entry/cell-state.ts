import { encodeOptionKey } from "@/lib/disaggregation/option-key";
import type { GridCellValue } from "./grid-types";

/** What the grid holds for one cell: the text typed, as typed, and what the server knows of it. */
export type CellState = {
  value: string;
  numerator: string;
  denominator: string;
  comment: string;
  version: number | null;
  dirty: boolean;
  /** What the server refused, until the cell is edited. */
  error?: string;
  /** What the browser's checks found as the manager left the cell. */
  check?: string;
  /** The row whose message explains this cell's problem (a breakdown that does not add up, said under its total). */
  flaggedBy?: string;
  warning?: string;
  /** Saved on this device, not yet written by the server. */
  queued?: boolean;
};

export const cellKey = (indicatorId: number, locationCode: string, options: Record<string, string>) =>
  `${indicatorId}|${locationCode}|${encodeOptionKey(options)}`;

const text = (n: number | null) => (n === null ? "" : String(n));

export function cellFromValue(v: Pick<GridCellValue, "value" | "numerator" | "denominator" | "comment" | "version">): CellState {
  return { value: text(v.value), numerator: text(v.numerator), denominator: text(v.denominator), comment: v.comment ?? "", version: v.version, dirty: false };
}

export const EMPTY_CELL: CellState = { value: "", numerator: "", denominator: "", comment: "", version: null, dirty: false };

/** A number typed in a cell, or null while it is empty or not a number. */
export function typedNumber(raw: string): number | null {
  const trimmed = raw.trim().replace(",", ".");
  if (trimmed === "" || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}
