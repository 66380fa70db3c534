import "server-only";
import { IMPORT_FIELDS } from "../../lib/beneficiaries/import-fields";
import { CODED_FIELDS, unmatchedValues, type CodedField } from "../../lib/beneficiaries/value-counts";
import { problemColumn } from "../../lib/beneficiaries/registry-csv";
import type { Language } from "../../lib/domain/codes";
import { formatList, formatPeriod } from "../../lib/i18n/format";
import { importProblemMessage } from "../../lib/i18n/import-message";
import type { Translator } from "../../lib/i18n/translator";
import type { ImportRun } from "./beneficiary-import";

// The answer to an import, preview or commit, in the caller's language: the matches and values the
// file was read with (to show, change and save), every value that matched nothing with its count,
// the first rows with their problems, the other problems, and the counts.

const LISTED_PROBLEMS = 1000;

export function importAnswer(run: Extract<ImportRun, { kind: "checked" }>, mode: "preview" | "commit", t: Translator, language: Language) {
  const problems = run.problems.map((p) => ({ line: p.line, code: p.code, column: problemColumn(p), message: importProblemMessage(t, language, p) }));
  // One row with six problems is one row to correct, with six messages.
  const byLine = new Map<number, typeof problems>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  const rows = run.shown.map((r) => {
    const own = byLine.get(r.line) ?? [];
    return { line: r.line, values: IMPORT_FIELDS.map((c) => r.fields[c] ?? ""), problems: own.map((p) => p.message), columns: [...new Set(own.flatMap((p) => p.column ?? []))] };
  });
  const counts =
    run.outcome?.kind === "done" ? run.outcome.counts : { rows: run.rows, peopleAdded: 0, peopleChanged: 0, peopleUnchanged: 0, servicesAdded: 0, servicesUnchanged: 0 };
  const inApprovedPeriods = run.outcome?.kind === "done" ? run.outcome.inApprovedPeriods : [];
  const summary =
    problems.length > 0
      ? t("import.problems", { rows: byLine.size, count: problems.length })
      : run.written
        ? t("import.committed", { added: counts.peopleAdded, changed: counts.peopleChanged, services: counts.servicesAdded })
        : t("import.counts", { rows: counts.rows, added: counts.peopleAdded, changed: counts.peopleChanged, unchanged: counts.peopleUnchanged, services: counts.servicesAdded });
  const touched = inApprovedPeriods.reduce((sum, p) => sum + p.records, 0);
  const warning =
    problems.length === 0 && touched > 0
      ? t("import.inApprovedPeriods", {
          count: touched,
          periods: formatList(
            language,
            inApprovedPeriods.map((p) => formatPeriod(language, p.period)),
          ),
        })
      : null;
  const values = Object.fromEntries(
    CODED_FIELDS.flatMap((field) => {
      const listed = run.values[field];
      return listed ? [[field, Object.fromEntries(listed.map((v) => [v.value, v.code]))]] : [];
    }),
  ) as Partial<Record<CodedField, Record<string, string | null>>>;
  const duplicatesFound = run.outcome?.kind === "done" ? run.outcome.duplicatesFound : 0;
  return {
    mode,
    written: run.written,
    counts,
    summary,
    warning,
    duplicatesFound,
    inApprovedPeriods,
    header: run.header,
    sheets: run.sheets,
    sheet: run.sheet,
    matches: run.matches,
    values,
    valueCounts: run.values,
    unmatched: unmatchedValues(run.values),
    mapping: run.mapping ? { id: run.mapping.id, name: run.mapping.name, used: run.mappingUsed } : null,
    rowsToCorrect: byLine.size,
    problemCount: problems.length,
    problems: problems.slice(0, LISTED_PROBLEMS),
    rows,
  };
}
