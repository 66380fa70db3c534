import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { CsvRecord, ImportProblem } from "./registry-csv";

/** Takes each row of a file as it is read: its line (CSV) or row number (XLSX) and its cells, as text. */
export type RowSink = (line: number, cells: string[]) => void;

// Reads an uploaded file into a table of text: a CSV as Excel, Kobo or ODK write it (comma or
// semicolon, UTF-8 with or without a BOM, or Windows-1252 from Excel), or a sheet of an XLSX
// workbook through exceljs's streaming reader. Rows go to a sink as they are read, with only the
// columns asked for, so that a wide Kobo export of 100,000 rows is never held whole.

export class UnreadableFileError extends Error {}
/** The sheet asked for is not in the workbook. */
export class NoSuchSheetError extends UnreadableFileError {
  constructor(
    readonly sheet: string,
    readonly sheets: string[],
  ) {
    super(`no sheet named ${sheet}`);
  }
}

/** UTF-8 when the bytes are UTF-8 (a BOM or not), else Windows-1252, as Excel saves "CSV" on Windows. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The delimiter of the header line: the one of comma and semicolon it holds more of, outside quotes. */
function delimiterOf(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ",") commas += 1;
    else if (!quoted && char === ";") semicolons += 1;
    else if (!quoted && char === "\n") break;
  }
  return semicolons > commas ? ";" : ",";
}

/** Which columns to keep, once the header is known; all when not said. */
export type KeepColumns = (header: readonly string[]) => ReadonlySet<string> | null;

function keeper(header: readonly string[], keep: KeepColumns): (i: number) => boolean {
  const kept = keep(header);
  return kept === null ? () => true : (i) => kept.has(header[i] ?? "");
}

/** Reads a CSV file's header, then gives each row to `onRow`. Lines that start with # (the template's notes) are not rows. */
export function readCsvSource(bytes: Uint8Array, keep: KeepColumns, onRow: RowSink): { header: string[] } {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  const firstLine = text.split("\n", 50).find((line) => line.trim() !== "" && !line.startsWith("#")) ?? "";
  let header: string[] | null = null;
  let kept: (i: number) => boolean = () => true;
  try {
    parse(text, {
      delimiter: delimiterOf(firstLine),
      comment: "#",
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // Each record is handed on and not kept: the parser returns nothing.
      on_record: (record: string[], context) => {
        if (header === null) {
          header = record.map((h) => h.trim());
          kept = keeper(header, keep);
        } else {
          const cells = header.map((_, i) => (kept(i) ? (record[i] ?? "") : ""));
          if (cells.some((c) => c.trim() !== "")) onRow(context.lines, cells);
        }
        return null;
      },
    });
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  return { header: header ?? [] };
}

/**
 * Baseline's own template read as it is, its columns by their names in lower case: for the scripts
 * and tests that write it. Unreadable text comes back as a problem.
 */
export function readRegistryCsv(text: string): { records: CsvRecord[]; header: string[]; problems: ImportProblem[] } {
  const records: CsvRecord[] = [];
  let names: string[] = [];
  try {
    readCsvSource(
      Buffer.from(text, "utf8"),
      (header) => {
        names = header.map((h) => h.toLowerCase());
        return null;
      },
      (line, cells) => records.push({ line, fields: Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ""])) }),
    );
  } catch (error) {
    return { records: [], header: names, problems: [{ line: 0, code: "unreadable", detail: error instanceof Error ? error.message : String(error) }] };
  }
  return { records, header: names, problems: [] };
}

type CellValue = ExcelJS.CellValue;

/**
 * A copy of a cell's text that holds nothing else. The XML parser's text is a slice of the chunk it
 * read, and V8 keeps a whole chunk alive for as long as any slice of it lives: the IDs of 100,000
 * people kept the sheet's decompressed XML in memory.
 */
function detached(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, "utf8").toString("utf8");
}

/** A cell as text: a date as YYYY-MM-DD (with its time when it has one), a formula as its result. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as CellValue);
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
    return "";
  }
  return String(value);
}

/**
 * Reads the header of one sheet of a workbook (the first when `sheet` is null), gives each of its
 * rows to `onRow`, and answers the names of all its sheets. Rows with nothing in them are skipped.
 */
export async function readXlsxSource(bytes: Uint8Array, sheet: string | null, keep: KeepColumns, onRow: RowSink): Promise<{ header: string[]; sheets: string[]; sheet: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const sheets: string[] = [];
  let found: { header: string[]; sheet: string } | null = null;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      sheets.push(name);
      const wanted = found === null && (sheet === null || sheet === name);
      let header: string[] | null = null;
      let kept: (i: number) => boolean = () => true;
      for await (const row of worksheet) {
        if (!wanted) continue;
        const values = (row as ExcelJS.Row).values as CellValue[];
        if (header === null) {
          header = values.slice(1).map((v) => cellText(v).trim());
          kept = keeper(header, keep);
          continue;
        }
        const cells = header.map((_, i) => (kept(i) ? detached(cellText(values[i + 1])) : ""));
        if (cells.some((c) => c !== "")) onRow((row as ExcelJS.Row).number, cells);
      }
      if (wanted) found = { header: header ?? [], sheet: name };
    }
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  if (found === null) {
    if (sheet !== null) throw new NoSuchSheetError(sheet, sheets);
    throw new UnreadableFileError("no sheet");
  }
  return { ...found, sheets };
}
