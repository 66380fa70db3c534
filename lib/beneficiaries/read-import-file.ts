import type { ImportCodes } from "./code-book";
import { columnsRead, matchColumns } from "./import-fields";
import type { ImportMapping, ValueMapping } from "./import-mapping";
import { recordMapper, type RecordMapper } from "./mapped-records";
import { NoSuchSheetError, readCsvSource, readXlsxSource, UnreadableFileError } from "./read-source";
import { CODED_FIELDS, type ValueCounts } from "./value-counts";
import { registryChecker, type CsvRecord, type ImportedPerson, type ImportProblem } from "./registry-csv";

// Everything an import does with a file before it meets the registry: read it (CSV or XLSX), match
// its columns (with the mapping given, or automatically), read its values, check every row, and
// gather its people. Rows are mapped and checked as they are read: only the people and the first
// records are held. Pure: the bytes in, the outcome out, so that it can run in a worker.

export type FileKind = "csv" | "xlsx";
export type ReadImportInput = { bytes: Uint8Array; kind: FileKind; sheet: string | null; mapping: ImportMapping | null; codes: ImportCodes; year: number };
export type ReadImportOutcome =
  | { kind: "no_sheet"; sheet: string; sheets: string[] }
  | {
      kind: "read";
      header: string[];
      sheets: string[];
      sheet: string | null;
      /** The mapping the file was read with: the one given, or the automatic one. */
      mapping: ImportMapping;
      values: ValueCounts;
      rows: number;
      /** The first records as read, to show. */
      shown: CsvRecord[];
      problems: ImportProblem[];
      /** Whether a problem concerns the whole file (unreadable, a column missing): nothing to compare then. */
      wholeFile: boolean;
      /** The file's people; empty when a problem concerns the whole file. */
      people: ImportedPerson[];
    };

/** The first records of a file, shown with their problems. */
const SHOWN_RECORDS = 100;
/** Fields an import cannot do without. */
const REQUIRED = ["external_id", "sex", "group", "location_code", "service", "service_date"] as const;

/** Columns a mapping names that the file lacks, fields it leaves without a column, and codes it gives that the project does not have. */
export function mappingProblems(header: readonly string[], mapping: ImportMapping, codes: ImportCodes): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const known = new Set(header);
  const missing = columnsRead(mapping.matches).filter((c) => !known.has(c));
  if (missing.length > 0) problems.push({ line: 1, code: "missing_columns", columns: missing.join(", ") });
  const unmatched = REQUIRED.filter((field) => mapping.matches[field] === undefined);
  if (unmatched.length > 0) problems.push({ line: 1, code: "unmatched_fields", fields: unmatched.join(", ") });
  return problems.concat(unknownCodes(mapping.values, codes));
}

function unknownCodes(values: ValueMapping, codes: ImportCodes): ImportProblem[] {
  const allowed = { sex: codes.sexes, group: codes.groups, location_code: codes.places, service: codes.services };
  const problems: ImportProblem[] = [];
  for (const field of CODED_FIELDS) {
    const own = new Set(allowed[field].map((v) => v.code));
    for (const code of Object.values(values[field] ?? {})) if (code !== null && !own.has(code)) problems.push({ line: 1, code: "unknown_code", field, value: code });
  }
  return problems;
}

export async function readImportFile(input: ReadImportInput): Promise<ReadImportOutcome> {
  const { bytes, kind, sheet, codes, year } = input;
  let mapping: ImportMapping = input.mapping ?? { matches: {}, values: {} };
  let mapper: RecordMapper | null = null;
  let fileProblems: ImportProblem[] = [];
  const checker = registryChecker(codes, year);
  const shown: CsvRecord[] = [];
  let rows = 0;
  const keep = (header: readonly string[]) => {
    mapping = input.mapping ?? { matches: matchColumns(header), values: {} };
    mapper = recordMapper(header, mapping, codes);
    fileProblems = mappingProblems(header, mapping, codes);
    return new Set(columnsRead(mapping.matches));
  };
  const onRow = (line: number, cells: string[]) => {
    rows += 1;
    for (const record of (mapper as RecordMapper).map(line, cells)) {
      if (shown.length < SHOWN_RECORDS) shown.push(record);
      if (fileProblems.length === 0) checker.add(record);
    }
  };
  let read: { header: string[]; sheets: string[]; sheet: string | null };
  try {
    read = kind === "csv" ? { ...readCsvSource(bytes, keep, onRow), sheets: [], sheet: null } : await readXlsxSource(bytes, sheet, keep, onRow);
  } catch (error) {
    if (error instanceof NoSuchSheetError) return { kind: "no_sheet", sheet: error.sheet, sheets: error.sheets };
    if (!(error instanceof UnreadableFileError)) throw error;
    const problem: ImportProblem = { line: 0, code: kind === "csv" ? "unreadable" : "unreadable_workbook", detail: error.message };
    return { kind: "read", header: [], sheets: [], sheet: null, mapping, values: {}, rows: 0, shown: [], problems: [problem], wholeFile: true, people: [] };
  }
  // An empty file has nothing to refuse.
  if (rows === 0) fileProblems = [];
  const whole = fileProblems.length > 0;
  return {
    kind: "read",
    ...read,
    mapping,
    values: mapper === null ? {} : (mapper as RecordMapper).values(),
    rows,
    shown,
    problems: whole ? fileProblems : checker.problems,
    wholeFile: whole,
    people: whole ? [] : [...checker.people.values()],
  };
}
