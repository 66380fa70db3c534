import { z } from "zod";
import { getProjectByCode } from "@/db/queries/projects";
import { importRegistry, registryImportContext } from "@/db/queries/registry-import";
import { managedProjectIds } from "@/db/queries/viewer";
import { parseReference } from "@/lib/api/reference";
import { authenticate, jsonError, jsonOk } from "@/lib/api/respond";
import { checkRegistryRecords, readCsv } from "@/lib/beneficiaries/registry-csv";
import { importProblemMessage } from "@/lib/i18n/import-message";

const MAX_BYTES = 64 * 1024 * 1024;
const LISTED_PROBLEMS = 1000;
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
 * preview: 200 with the counts and the bad rows, nothing written. commit: 200 with the counts, or 422
 * with the bad rows and nothing written.
 */
export async function POST(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t } = caller;
  const url = new URL(request.url);
  const query = querySchema.safeParse({ mode: url.searchParams.get("mode"), filename: url.searchParams.get("filename") ?? undefined });
  if (!query.success) return jsonError(t, 400, t("importErrors.badMode"));
  const { ref } = await params;
  const ctx = { viewer: user };
  const project = getProjectByCode(ctx, parseReference(ref));
  if (!project) return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
  if (!managedProjectIds(ctx).includes(project.id)) return jsonError(t, 403, t("workflow.forbidden"));
  if (!request.body) return jsonError(t, 400, t("importErrors.missing_columns", { columns: "external_id, sex, group, location_code, service, service_date" }));

  let tooLarge = false;
  const { records, header, problems: readProblems } = await readCsv(limited(request.body, () => (tooLarge = true)));
  if (tooLarge) return jsonError(t, 413, t("importErrors.tooLarge", { megabytes: MAX_BYTES / 1024 / 1024 }));
  const context = registryImportContext(ctx, project.id);
  const checked = checkRegistryRecords(records, header, {
    locationCodes: new Set(context.places.keys()),
    serviceCodes: new Set(context.services.keys()),
    groupCodes: context.groups,
    currentYear: new Date().getUTCFullYear(),
  });
  const problems = [...readProblems, ...checked.problems];
  const listed = problems.slice(0, LISTED_PROBLEMS).map((p) => ({ line: p.line, code: p.code, message: importProblemMessage(t, p) }));
  const commit = query.data.mode === "commit" && problems.length === 0;
  const outcome = importRegistry(ctx, project.id, checked.people, { commit, fileName: query.data.filename ?? "upload.csv", rows: records.length });
  if (outcome.kind === "forbidden") return jsonError(t, 403, t("workflow.forbidden"));
  const { counts } = outcome;
  const summary =
    problems.length > 0
      ? t("import.problems", { count: problems.length })
      : commit
        ? t("import.committed", { added: counts.peopleAdded, changed: counts.peopleChanged, services: counts.servicesAdded })
        : t("import.counts", { rows: counts.rows, added: counts.peopleAdded, changed: counts.peopleChanged, unchanged: counts.peopleUnchanged, services: counts.servicesAdded });
  const body = { mode: query.data.mode, written: commit, counts, summary, problemCount: problems.length, problems: listed };
  if (query.data.mode === "commit" && problems.length > 0) {
    return jsonError(t, 422, listed[0]?.message ?? summary, body);
  }
  return jsonOk(body);
}
