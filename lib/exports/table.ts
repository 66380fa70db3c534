import type { CsvCell } from "./csv";

/** How a column's numbers read in a spreadsheet. */
export type ColumnFormat = "text" | "number" | "decimal" | "date";

export type ExportColumn = { header: string; format: ColumnFormat; width?: number };

/** A table as every export writes it: the columns, then the rows, the same in CSV and Excel. */
export type ExportTable = { name: string; columns: ExportColumn[]; rows: CsvCell[][] };
