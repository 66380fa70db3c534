import { z } from "zod";
import { deleteImportMapping, getImportMapping, saveImportMapping } from "@/db/registry/import-mappings";
import { answerFaults } from "@/server/api/answer-faults";
import { importMappingJson, parseMappingBody } from "@/server/api/import-mapping-json";
import { MAX_JSON_BYTES, readJsonBody } from "@/server/api/read-body";
import { jsonError, jsonOk } from "@/server/api/respond";
import { readManagedProject } from "../../managed-project";

type Params = { params: Promise<{ ref: string; id: string }> };
const idSchema = z.coerce.number().int().positive();

/** GET /api/v1/projects/{ref}/import-mappings/{id} */
export const GET = answerFaults(async function GET(_request: Request, { params }: Params) {
  const read = await readManagedProject(params, "enter");
  if (read instanceof Response) return read;
  const { id: raw } = await params;
  const id = idSchema.safeParse(raw);
  const mapping = id.success ? await getImportMapping(read.ctx, read.project.id, id.data) : null;
  if (!mapping) return jsonError(read.t, 404, read.t("importErrors.mappingNotFound", { id: raw }));
  return jsonOk(importMappingJson(mapping));
});

/** PUT /api/v1/projects/{ref}/import-mappings/{id} with {name, matches, values[, header]}: the whole mapping, audited with what it was before. */
export const PUT = answerFaults(async function PUT(request: Request, { params }: Params) {
  const read = await readManagedProject(params, "enter");
  if (read instanceof Response) return read;
  const { t, ctx, project } = read;
  const { id: raw } = await params;
  const id = idSchema.safeParse(raw);
  if (!id.success) return jsonError(t, 404, t("importErrors.mappingNotFound", { id: raw }));
  const body = await readJsonBody(request);
  if (body.kind === "too_large") return jsonError(t, 413, t("api.tooLarge", { megabytes: MAX_JSON_BYTES / 1024 / 1024 }));
  if (body.kind !== "ok") return jsonError(t, 400, t("api.badJson"));
  const mapping = parseMappingBody(t, body.value);
  if (mapping instanceof Response) return mapping;
  const outcome = await saveImportMapping(ctx, project.id, { ...mapping, id: id.data });
  if (outcome.kind === "forbidden") return jsonError(t, 403, t("workflow.forbidden"));
  if (outcome.kind === "not_found") return jsonError(t, 404, t("importErrors.mappingNotFound", { id: raw }));
  if (outcome.kind === "name_taken") return jsonError(t, 409, t("importErrors.mappingNameTaken", { name: mapping.name }));
  return jsonOk(importMappingJson(outcome.mapping));
});

/** DELETE /api/v1/projects/{ref}/import-mappings/{id}: 204. */
export const DELETE = answerFaults(async function DELETE(_request: Request, { params }: Params) {
  const read = await readManagedProject(params, "enter");
  if (read instanceof Response) return read;
  const { id: raw } = await params;
  const id = idSchema.safeParse(raw);
  const outcome = id.success ? await deleteImportMapping(read.ctx, read.project.id, id.data) : ({ kind: "not_found" } as const);
  if (outcome.kind === "forbidden") return jsonError(read.t, 403, read.t("workflow.forbidden"));
  if (outcome.kind === "not_found") return jsonError(read.t, 404, read.t("importErrors.mappingNotFound", { id: raw }));
  return new Response(null, { status: 204 });
});
