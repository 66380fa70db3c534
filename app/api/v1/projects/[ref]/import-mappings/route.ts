import { listImportMappings, saveImportMapping } from "@/db/registry/import-mappings";
import { answerFaults } from "@/server/api/answer-faults";
import { importMappingJson, parseMappingBody } from "@/server/api/import-mapping-json";
import { MAX_JSON_BYTES, readJsonBody } from "@/server/api/read-body";
import { jsonError, jsonOk } from "@/server/api/respond";
import { readManagedProject } from "../managed-project";

/** GET /api/v1/projects/{ref}/import-mappings: the project's saved mappings, for those who import into it. */
export const GET = answerFaults(async function GET(_request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readManagedProject(params, "enter");
  if (read instanceof Response) return read;
  const mappings = (await listImportMappings(read.ctx, read.project.id)) ?? [];
  return jsonOk({ project: read.project.code, data: mappings.map(importMappingJson) });
});

/** POST /api/v1/projects/{ref}/import-mappings with {name, matches, values[, header]}: 201 with the mapping; 409 for a name the project uses already. */
export const POST = answerFaults(async function POST(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readManagedProject(params, "enter");
  if (read instanceof Response) return read;
  const { t, ctx, project } = read;
  const body = await readJsonBody(request);
  if (body.kind === "too_large") return jsonError(t, 413, t("api.tooLarge", { megabytes: MAX_JSON_BYTES / 1024 / 1024 }));
  if (body.kind !== "ok") return jsonError(t, 400, t("api.badJson"));
  const mapping = parseMappingBody(t, body.value);
  if (mapping instanceof Response) return mapping;
  const outcome = await saveImportMapping(ctx, project.id, mapping);
  if (outcome.kind === "forbidden") return jsonError(t, 403, t("workflow.forbidden"));
  if (outcome.kind === "name_taken") return jsonError(t, 409, t("importErrors.mappingNameTaken", { name: mapping.name }));
  if (outcome.kind === "not_found") return jsonError(t, 404, t("importErrors.mappingNotFound", { id: "" }));
  return Response.json(importMappingJson(outcome.mapping), { status: 201, headers: { "Cache-Control": "no-store" } });
});
