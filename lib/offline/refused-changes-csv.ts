import { rowsToCsv, UTF8_BOM, type CsvDelimiter } from "../exports/csv";

/** One refused cell as the manager downloads it: enough to enter it again, or to send it by other means. */
export type RefusedCellRow = {
  project: string;
  period: string;
  cell: string;
  locationCode: string;
  disaggregation: string;
  value: string;
  numerator: string;
  denominator: string;
  comment: string;
  reason: string;
  madeAt: string;
};

const COLUMNS = ["project", "period", "cell", "locationCode", "disaggregation", "value", "numerator", "denominator", "comment", "reason", "madeAt"] as const;

/**
 * The refused changes kept on a device, as CSV for a spreadsheet: the figures as typed (text, so that
 * "1,5" typed in French stays what was typed), the reason, and when they were made. Semicolons for French Excel.
 */
export function refusedChangesCsv(rows: readonly RefusedCellRow[], header: Readonly<Record<(typeof COLUMNS)[number], string>>, delimiter: CsvDelimiter): string {
  return (
    UTF8_BOM +
    rowsToCsv(
      COLUMNS.map((c) => header[c]),
      rows.map((row) => COLUMNS.map((c) => row[c])),
      delimiter,
    )
  );
}
