import { z } from "zod";
import { getProjectByCode } from "@/db/projects/projects";
import { may } from "@/db/users/viewer";
import { importMappingSchema } from "@/lib/beneficiaries/import-mapping";
import { parseReference } from "@/lib/api/reference";
import { formatList } from "@/lib/i18n/format";
import { answerFaults } from "@/server/api/answer-faults";
import { readBodyBytes } from "@/server/api/read-body";
import { authenticate, jsonError, jsonOk } from "@/server/api/respond";
import { runBeneficiaryImport, type MappingChoice } from "@/server/imports/beneficiary-import";
import type { FileKind } from "@/lib/beneficiaries/read-import-file";
import { importAnswer } from "@/server/imports/import-answer";

const MAX_BYTES = 64 * 1024 * 1024;
const querySchema = z.object({
  mode: z.enum(["preview", "commit"]),
  filename: z.string().max(255).optional(),
  mapping: z.coerce.number().int().positive().optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
});

/** An XLSX file is a zip: it starts with PK. */
const kindOf = (bytes: Uint8Array): FileKind => (bytes[0] === 0x50 && bytes[1] === 0x4b ? "xlsx" : "csv");

/**
 * POST /api/v1/projects/{ref}/beneficiaries/import?mode=preview|commit[&mapping={id}][&sheet=]
 * with the file as the body (text/csv, or the XLSX media type), or as multipart/form-data with a
 * `file` part and, optionally, a `mapping` part ({matches, values} as JSON) to read it with.
 * Without a mapping, the columns and values are matched automatically. preview: 200 with the
 * matches, the values and those that match nothing, the counts and the first 100 rows with their
 * problems; nothing written. commit: 200 with the counts, or 422 with the problems and nothing written.
 */
export const POST = answerFaults(async function POST(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const url = new URL(request.url);
  const query = querySchema.safeParse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== "")));
  if (!query.success) return jsonError(t, 400, t("importErrors.badQuery"));
  const { ref } = await params;
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parseReference(ref));
  if (!project) return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
  if (!(await may(ctx, "enter", project.id))) return jsonError(t, 403, t("workflow.forbidden"));

  const body = await readBodyBytes(request, MAX_BYTES);
  if (body === null) return jsonError(t, 413, t("importErrors.tooLarge", { megabytes: MAX_BYTES / 1024 / 1024 }));
  let bytes: Uint8Array = body;
  let fileName = query.data.filename ?? "upload";
  let choice: MappingChoice = query.data.mapping === undefined ? { kind: "auto" } : { kind: "saved", id: query.data.mapping };
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(body), { headers: { "Content-Type": request.headers.get("content-type") as string } }).formData().catch(() => null);
    const file = form?.get("file");
    if (!form || !(file instanceof Blob)) return jsonError(t, 400, t("importErrors.noFile"));
    bytes = new Uint8Array(await file.arrayBuffer());
    if (file instanceof File && file.name) fileName = query.data.filename ?? file.name;
    const given = form.get("mapping");
    if (typeof given === "string" && given.trim() !== "" && query.data.mapping === undefined) {
      let parsed: ReturnType<typeof importMappingSchema.safeParse>;
      try {
        parsed = importMappingSchema.safeParse(JSON.parse(given));
      } catch {
        return jsonError(t, 400, t("importErrors.badMapping", { detail: "JSON" }));
      }
      if (!parsed.success) return jsonError(t, 400, t("importErrors.badMapping", { detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }));
      choice = { kind: "given", mapping: parsed.data };
    }
  }
  const commit = query.data.mode === "commit";
  const run = await runBeneficiaryImport(ctx, project.id, { bytes, kind: kindOf(bytes), sheet: query.data.sheet ?? null, fileName }, choice, {
    commit,
    year: new Date().getUTCFullYear(),
  });
  if (run.kind === "forbidden") return jsonError(t, 403, t("workflow.forbidden"));
  if (run.kind === "mapping_not_found") return jsonError(t, 404, t("importErrors.mappingNotFound", { id: run.id }));
  if (run.kind === "no_sheet") return jsonError(t, 422, t("importErrors.noSheet", { sheet: run.sheet, sheets: formatList(language, run.sheets) }), { sheets: run.sheets });
  const answer = importAnswer(run, query.data.mode, t, language);
  if (commit && answer.problemCount > 0) return jsonError(t, 422, answer.problems[0]?.message ?? answer.summary, answer);
  return jsonOk(answer);
});
