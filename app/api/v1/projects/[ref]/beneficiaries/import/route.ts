import { z } from "zod";
import { getProjectByCode } from "@/db/projects/projects";
import { importRegistry, registryImportContext } from "@/db/registry/registry-import";
import { may } from "@/db/users/viewer";
import { parseReference } from "@/lib/api/reference";
import { authenticate, jsonError, jsonOk } from "@/server/api/respond";
import { checkRegistryRecords, problemColumn, readCsv, REGISTRY_CSV_COLUMNS } from "@/lib/beneficiaries/registry-csv";
import { formatList, formatPeriod } from "@/lib/i18n/format";
import { importProblemMessage } from "@/lib/i18n/import-message";
import { answerFaults } from "@/server/api/answer-faults";

const MAX_BYTES = 64 * 1024 * 1024;
const LISTED_PROBLEMS = 1000;
const SHOWN_ROWS = 100;
const querySchema = z.object({ mode: z.enum(["preview", "commit"]), filename: z.string().max(255).optional() });

/** Counts the bytes of the upload as it streams in, and stops past the limit. */
async function* limited(body: ReadableStream<Uint8Array>, onTooLarge: () => void): AsyncIterable<Uint8Array> {
  let bytes = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    if (bytes > MAX_BYTES) {
      onTooLarge();
      return;
    }
    yield chunk;
  }
}

/**
 * POST /api/v1/projects/{ref}/beneficiaries/import?mode=preview|commit with the CSV as a text/csv body.
 * preview: 200 with the counts, the first 100 rows each with its problems, the other bad rows, and
 * the approved periods the file would change; nothing written. commit: 200 with the counts, or 422
 * with the bad rows and nothing written.
 */
export const POST = answerFaults(async function POST(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const url = new URL(request.url);
  const query = querySchema.safeParse({ mode: url.searchParams.get("mode"), filename: url.searchParams.get("filename") ?? undefined });
  if (!query.success) return jsonError(t, 400, t("importErrors.badMode"));
  const { ref } = await params;
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parseReference(ref));
  if (!project) return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
  if (!(await may(ctx, "enter", project.id))) return jsonError(t, 403, t("workflow.forbidden"));
  if (!request.body) return jsonError(t, 400, t("importErrors.missing_columns", { columns: "external_id, sex, group, location_code, service, service_date" }));

  let tooLarge = false;
  const { records, header, problems: readProblems } = await readCsv(limited(request.body, () => (tooLarge = true)));
  if (tooLarge) return jsonError(t, 413, t("importErrors.tooLarge", { megabytes: MAX_BYTES / 1024 / 1024 }));
  const context = await registryImportContext(ctx, project.id);
  const checked = checkRegistryRecords(records, header, context.codes, new Date().getUTCFullYear());
  const problems = [...readProblems, ...checked.problems].map((p) => ({ line: p.line, code: p.code, column: problemColumn(p), message: importProblemMessage(t, language, p) }));
  // One row with six problems is one row to correct, with six messages.
  const byLine = new Map<number, typeof problems>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  const rows = records.slice(0, SHOWN_ROWS).map((r) => {
    const own = byLine.get(r.line) ?? [];
    return {
      line: r.line,
      values: REGISTRY_CSV_COLUMNS.map((c) => r.fields[c] ?? ""),
      problems: own.map((p) => p.message),
      columns: [...new Set(own.flatMap((p) => p.column ?? []))],
    };
  });
  const commit = query.data.mode === "commit" && problems.length === 0;
  const outcome = await importRegistry(ctx, project.id, checked.people, { commit, fileName: query.data.filename ?? "upload.csv", rows: records.length });
  if (outcome.kind === "forbidden") return jsonError(t, 403, t("workflow.forbidden"));
  const { counts, inApprovedPeriods } = outcome;
  const summary =
    problems.length > 0
      ? t("import.problems", { rows: byLine.size, count: problems.length })
      : commit
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
  const body = {
    mode: query.data.mode,
    written: commit,
    counts,
    summary,
    warning,
    inApprovedPeriods,
    rowsToCorrect: byLine.size,
    problemCount: problems.length,
    problems: problems.slice(0, LISTED_PROBLEMS),
    rows,
  };
  if (query.data.mode === "commit" && problems.length > 0) {
    return jsonError(t, 422, problems[0]?.message ?? summary, body);
  }
  return jsonOk(body);
});
