import type { CsvDelimiter } from "./csv";

/**
 * The name of a downloaded file: what it holds, then the day ("RW-REINT-P4-tracking-2026-11-30.csv").
 * The semicolon CSV (for a French Excel) is "…-semicolons.csv": downloaded both ways, the two files
 * sit side by side in a folder instead of one becoming "(1)".
 */
export function exportFileName(parts: readonly string[], day: string, extension: "csv" | "xlsx" | "pdf" | "xml", delimiter: CsvDelimiter = "comma"): string {
  const name = [...parts, day.slice(0, 10)].join("-");
  return `${name}${extension === "csv" && delimiter === "semicolon" ? "-semicolons" : ""}.${extension}`;
}
