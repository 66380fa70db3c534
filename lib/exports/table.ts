import type { CsvCell } from "./csv";

/** How a column's numbers read in a spreadsheet. */
export type ColumnFormat = "text" | "number" | "decimal" | "date";

export type ExportColumn = { header: string; format: ColumnFormat; width?: number };

/**
 * A table as every export writes it: the columns, then the rows, the same in CSV and Excel.
 * `marked` cells (row and column indexes into `rows`) stand out in Excel, with `note` on each, for
 * what a CSV says in a column of its own (figures not approved yet).
 */
export type ExportTable = { name: string; columns: ExportColumn[]; rows: CsvCell[][]; marked?: { cells: readonly (readonly [number, number])[]; note: string } };
