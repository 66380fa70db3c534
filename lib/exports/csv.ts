// CSV as spreadsheets and BI tools read it. Users' text is stored as typed and neutralised here, on
// the way out, so that a spreadsheet never runs it as a formula.

export type CsvCell = string | number | null;

/** Comma by default; semicolon for French Excel, which also expects a decimal comma. */
export type CsvDelimiter = "comma" | "semicolon";

/** Text a spreadsheet would run as a formula gets a leading apostrophe, which shows it as text. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell: numbers as numbers (decimal comma with semicolons), text neutralised, quoted when needed. */
export function csvCell(value: CsvCell, delimiter: CsvDelimiter = "comma"): string {
  if (value === null) return "";
  const separator = delimiter === "semicolon" ? ";" : ",";
  const text = typeof value === "number" ? (delimiter === "semicolon" ? String(value).replace(".", ",") : String(value)) : neutralise(value);
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[], delimiter: CsvDelimiter = "comma"): string {
  return cells.map((c) => csvCell(c, delimiter)).join(delimiter === "semicolon" ? ";" : ",") + "\r\n";
}

export function rowsToCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], delimiter: CsvDelimiter = "comma"): string {
  return [header, ...rows].map((row) => csvLine(row, delimiter)).join("");
}

/** Starts a file: the byte order mark tells Excel the file is UTF-8 (accents stay accents). */
export const UTF8_BOM = "\uFEFF";
