import "server-only";
import { findImportMappingByHeader, getImportMapping, type SavedImportMapping } from "../../db/registry/import-mappings";
import { importRegistry, registryImportContext } from "../../db/registry/registry-import";
import type { QueryContext } from "../../db/users/viewer";
import type { ImportCodes } from "../../lib/beneficiaries/code-book";
import { columnsRead, IMPORT_FIELDS, matchColumns, type FieldMatches } from "../../lib/beneficiaries/import-fields";
import { CODED_FIELDS, headerSignature, type ImportMapping, type ValueMapping } from "../../lib/beneficiaries/import-mapping";
import { mapRecords, type MappedTable, type SourceTable } from "../../lib/beneficiaries/mapped-records";
import { NoSuchSheetError, readCsvSource, readXlsxSource, UnreadableFileError } from "../../lib/beneficiaries/read-source";
import { checkRegistryRecords, type ImportProblem, type ImportedPerson } from "../../lib/beneficiaries/registry-csv";

// One import of beneficiaries from a file, whatever made it (Baseline's template, KoboToolbox, ODK
// Central, Excel): read the file, match its columns and values (a saved mapping, one sent with the
// file, or the automatic one), check every row, compare with the registry, and on commit write all
// rows or none. The API route and the benchmark both run it.

export type FileKind = "csv" | "xlsx";
export type ImportSource = { bytes: Uint8Array; kind: FileKind; sheet: string | null; fileName: string };
export type MappingChoice = { kind: "auto" } | { kind: "saved"; id: number } | { kind: "given"; mapping: ImportMapping };

export type ImportRun =
  | { kind: "forbidden" }
  | { kind: "mapping_not_found"; id: number }
  | { kind: "no_sheet"; sheet: string; sheets: string[] }
  | {
      kind: "checked";
      written: boolean;
      header: string[];
      sheets: string[];
      sheet: string | null;
      matches: FieldMatches;
      values: MappedTable["values"];
      /** The saved mapping used, or the one saved for a file with this header when none was asked for. */
      mapping: SavedImportMapping | null;
      mappingUsed: boolean;
      records: MappedTable["records"];
      problems: ImportProblem[];
      outcome: Awaited<ReturnType<typeof importRegistry>> | null;
    };

/** Fields an import cannot do without. */
const REQUIRED = ["external_id", "sex", "group", "location_code", "service", "service_date"] as const;

/** Columns a mapping names that the file lacks, and codes it gives that the project does not have. */
function mappingProblems(header: readonly string[], mapping: ImportMapping, codes: ImportCodes): ImportProblem[] {
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

async function readSource(source: ImportSource, keep: (header: readonly string[]) => ReadonlySet<string>): Promise<{ table: SourceTable; sheets: string[]; sheet: string | null }> {
  if (source.kind === "csv") return { table: readCsvSource(source.bytes, keep), sheets: [], sheet: null };
  return await readXlsxSource(source.bytes, source.sheet, keep);
}

/** Reads, maps, checks and (on commit, when nothing is wrong) imports one file. */
export async function runBeneficiaryImport(
  ctx: QueryContext,
  projectId: number,
  source: ImportSource,
  choice: MappingChoice,
  options: { commit: boolean; year: number },
): Promise<ImportRun> {
  const context = await registryImportContext(ctx, projectId);
  let saved: SavedImportMapping | null = null;
  if (choice.kind === "saved") {
    saved = await getImportMapping(ctx, projectId, choice.id);
    if (!saved) return { kind: "mapping_not_found", id: choice.id };
  }
  const given: ImportMapping | null = choice.kind === "saved" ? saved : choice.kind === "given" ? choice.mapping : null;
  let mapping: ImportMapping = { matches: {}, values: {} };
  let read: Awaited<ReturnType<typeof readSource>>;
  try {
    read = await readSource(source, (header) => {
      mapping = given ?? { matches: matchColumns(header), values: {} };
      return new Set(columnsRead(mapping.matches));
    });
  } catch (error) {
    if (error instanceof NoSuchSheetError) return { kind: "no_sheet", sheet: error.sheet, sheets: error.sheets };
    if (!(error instanceof UnreadableFileError)) throw error;
    const problem: ImportProblem = { line: 0, code: source.kind === "csv" ? "unreadable" : "unreadable_workbook", detail: error.message };
    return {
      kind: "checked",
      written: false,
      header: [],
      sheets: [],
      sheet: null,
      matches: {},
      values: {},
      mapping: null,
      mappingUsed: false,
      records: [],
      problems: [problem],
      outcome: null,
    };
  }
  const { table } = read;
  if (choice.kind === "auto") saved = await findImportMappingByHeader(ctx, projectId, headerSignature(table.header));
  const mapped = mapRecords(table, mapping, context.codes);
  const fileProblems = table.rows.length === 0 ? [] : mappingProblems(table.header, mapping, context.codes);
  const checked: { people: Map<string, ImportedPerson>; problems: ImportProblem[] } =
    fileProblems.length > 0 ? { people: new Map(), problems: fileProblems } : checkRegistryRecords(mapped.records, IMPORT_FIELDS, context.codes, options.year);
  const commit = options.commit && checked.problems.length === 0;
  const outcome =
    fileProblems.length > 0
      ? null
      : await importRegistry(ctx, projectId, checked.people, {
          commit,
          fileName: source.fileName,
          rows: table.rows.length,
          mapping: choice.kind === "saved" ? saved?.name : undefined,
        });
  if (outcome?.kind === "forbidden") return { kind: "forbidden" };
  return {
    kind: "checked",
    written: commit && outcome !== null,
    header: table.header,
    sheets: read.sheets,
    sheet: read.sheet,
    matches: mapping.matches,
    values: mapped.values,
    mapping: saved,
    mappingUsed: choice.kind === "saved",
    records: mapped.records,
    problems: checked.problems,
    outcome,
  };
}
