import "server-only";
import { z } from "zod";
import type { SavedImportMapping } from "../../db/registry/import-mappings";
import { headerSignature, namedImportMappingSchema, type NamedImportMapping } from "../../lib/beneficiaries/import-mapping";
import type { Translator } from "../../lib/i18n/translator";
import { jsonError } from "./respond";

/** A saved mapping as the API gives it. */
export function importMappingJson(mapping: SavedImportMapping) {
  return { id: mapping.id, name: mapping.name, matches: mapping.matches, values: mapping.values, updatedAt: mapping.updatedAt };
}

// The file's header may come with the mapping, so that the file is offered it again.
const mappingBodySchema = namedImportMappingSchema.extend({ header: z.array(z.string().max(300)).max(2000).optional() });

/** A mapping from a request's body, or the 422 to answer with each field's problem. */
export function parseMappingBody(t: Translator, body: unknown): (NamedImportMapping & { headerSignature?: string }) | Response {
  const parsed = mappingBodySchema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      field: issue.path.join("."),
      code: issue.code,
      message: issue.path[0] === "name" ? t("formErrors.required") : t("importErrors.badMapping", { detail: `${issue.path.join(".")}: ${issue.message}` }),
    }));
    return jsonError(t, 422, errors[0]?.message ?? t("formErrors.invalid"), { errors });
  }
  const { header, ...mapping } = parsed.data;
  return { ...mapping, headerSignature: header ? headerSignature(header) : undefined };
}
