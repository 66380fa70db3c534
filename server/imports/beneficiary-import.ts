import "server-only";
import { findImportMappingByHeader, getImportMapping, type SavedImportMapping } from "../../db/registry/import-mappings";
import { importRegistry, registryImportContext } from "../../db/registry/registry-import";
import type { QueryContext } from "../../db/users/viewer";
import type { FieldMatches } from "../../lib/beneficiaries/import-fields";
import { headerSignature, type ImportMapping } from "../../lib/beneficiaries/import-mapping";
import type { ValueCounts } from "../../lib/beneficiaries/value-counts";
import { readImportFile, type FileKind } from "../../lib/beneficiaries/read-import-file";
import type { CsvRecord, ImportProblem } from "../../lib/beneficiaries/registry-csv";

// One import of beneficiaries from a file, whatever made it (Baseline's template, KoboToolbox, ODK
// Central, Excel): read and check the file (lib/beneficiaries/read-import-file.ts, with a saved
// mapping, one sent with the file, or the automatic one), compare with the registry, and on commit
// write all rows or none. The API route and the benchmark both run it.

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
      values: ValueCounts;
      /** The saved mapping used, or the one saved for a file with this header when none was asked for. */
      mapping: SavedImportMapping | null;
      mappingUsed: boolean;
      /** Rows of the file, and its first records as read. */
      rows: number;
      shown: CsvRecord[];
      problems: ImportProblem[];
      outcome: Awaited<ReturnType<typeof importRegistry>> | null;
    };

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
  const given: ImportMapping | null = saved ?? (choice.kind === "given" ? choice.mapping : null);
  const input = { bytes: source.bytes, kind: source.kind, sheet: source.sheet, mapping: given, codes: context.codes, year: options.year };
  const read = await readImportFile(input);
  if (read.kind === "no_sheet") return read;
  if (choice.kind === "auto") saved = await findImportMappingByHeader(ctx, projectId, headerSignature(read.header));
  const commit = options.commit && read.problems.length === 0;
  // A problem of the whole file leaves no people to compare; a bad row leaves the others to count.
  const outcome = read.wholeFile
    ? null
    : await importRegistry(ctx, projectId, new Map(read.people.map((p) => [p.ref, p])), {
        context,
        commit,
        fileName: source.fileName,
        rows: read.rows,
        // The audit trail says how the file was read: the saved mapping's name, and the columns.
        mapping: { name: choice.kind === "saved" ? (saved?.name ?? null) : null, matches: read.mapping.matches },
      });
  if (outcome?.kind === "forbidden") return { kind: "forbidden" };
  return {
    kind: "checked",
    written: commit && outcome !== null,
    header: read.header,
    sheets: read.sheets,
    sheet: read.sheet,
    matches: read.mapping.matches,
    values: read.values,
    mapping: saved,
    mappingUsed: choice.kind === "saved",
    rows: read.rows,
    shown: read.shown,
    problems: read.problems,
    outcome,
  };
}
