import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { SourceTable } from "./mapped-records";

// Reads an uploaded file into a table of text: a CSV as Excel, Kobo or ODK write it (comma or
// semicolon, UTF-8 with or without a BOM, or Windows-1252 from Excel), or a sheet of an XLSX
// workbook through exceljs's streaming reader. Only the columns asked for are kept, so that a wide
// Kobo export of 100,000 rows stays small.

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

function keeper(header: readonly string[], keep: KeepColumns | undefined): (i: number) => boolean {
  const kept = keep?.(header) ?? null;
  return kept === null ? () => true : (i) => kept.has(header[i] ?? "");
}

/** A CSV file's header and rows. Lines that start with # (the template's notes) are not rows. */
export function readCsvSource(bytes: Uint8Array, keep?: KeepColumns): SourceTable {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  const firstLine = text.split("\n").find((line) => line.trim() !== "" && !line.startsWith("#")) ?? "";
  let lines: { record: string[]; line: number }[];
  try {
    const entries = parse(text, {
      delimiter: delimiterOf(firstLine),
      comment: "#",
      comment_no_infix: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    lines = entries.map((entry) => ({ record: entry.record, line: entry.info.lines }));
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  const [first, ...rest] = lines;
  const header = (first?.record ?? []).map((h) => h.trim());
  const kept = keeper(header, keep);
  const rows = rest.map(({ record, line }) => ({ line, cells: header.map((_, i) => (kept(i) ? (record[i] ?? "") : "")) })).filter((row) => row.cells.some((c) => c.trim() !== ""));
  return { header, rows };
}

type CellValue = ExcelJS.CellValue;

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
 * The rows of one sheet of a workbook (the first when `sheet` is null) and the names of all its
 * sheets. Rows with nothing in them are skipped.
 */
export async function readXlsxSource(bytes: Uint8Array, sheet: string | null, keep?: KeepColumns): Promise<{ table: SourceTable; sheets: string[]; sheet: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  const sheets: string[] = [];
  let table: SourceTable | null = null;
  let chosen: string | null = null;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      sheets.push(name);
      const wanted = table === null && (sheet === null || sheet === name);
      let header: string[] | null = null;
      let kept: (i: number) => boolean = () => true;
      const rows: SourceTable["rows"] = [];
      for await (const row of worksheet) {
        if (!wanted) continue;
        const values = (row as ExcelJS.Row).values as CellValue[];
        if (header === null) {
          header = values.slice(1).map((v) => cellText(v).trim());
          kept = keeper(header, keep);
          continue;
        }
        const cells = header.map((_, i) => (kept(i) ? cellText(values[i + 1]) : ""));
        if (cells.some((c) => c !== "")) rows.push({ line: (row as ExcelJS.Row).number, cells });
      }
      if (wanted) {
        table = { header: header ?? [], rows };
        chosen = name;
      }
    }
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  if (table === null || chosen === null) {
    if (sheet !== null) throw new NoSuchSheetError(sheet, sheets);
    throw new UnreadableFileError("no sheet");
  }
  return { table, sheets, sheet: chosen };
}
