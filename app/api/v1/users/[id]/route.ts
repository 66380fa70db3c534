import { z } from "zod";
import { updateUser } from "@/db/users/user-admin";
import { MAX_JSON_BYTES, readJsonBody } from "@/server/api/read-body";
import { authenticate, jsonError, jsonOk } from "@/server/api/respond";
import { userJson } from "@/server/api/user-json";
import { fieldErrors } from "@/lib/i18n/field-errors";
import { allows } from "@/lib/auth/permissions";
import { answerFaults } from "@/server/api/answer-faults";

const idSchema = z.coerce.number().int().positive();

/**
 * PATCH /api/v1/users/{id} with any of {role, projects, organisation, disabled}, for admins: all of
 * it or nothing; 422 for a change that does not fit (your own role or state, the last admin, a
 * project or organisation that does not exist or does not fit the role).
 */
export const PATCH = answerFaults(async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t } = caller;
  if (!allows(user, "administer")) return jsonError(t, 403, t("users.forbidden"));
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return jsonError(t, 404, t("users.notFound"));
  const read = await readJsonBody(request);
  if (read.kind === "too_large") return jsonError(t, 413, t("api.tooLarge", { megabytes: MAX_JSON_BYTES / 1024 / 1024 }));
  if (read.kind !== "ok") return jsonError(t, 400, t("api.badJson"));
  const outcome = await updateUser({ viewer: user }, id.data, read.value);
  if (outcome.kind === "forbidden") return jsonError(t, 403, t("users.forbidden"));
  if (outcome.kind === "not_found") return jsonError(t, 404, t("users.notFound"));
  if (outcome.kind === "invalid") {
    const messages = fieldErrors(t, outcome.problems);
    const said = (code: string, field: string) => (code === "self" || code === "last_admin" ? t(`users.problem.${code}`) : (messages[field] ?? t("formErrors.invalid")));
    return jsonError(t, 422, said(outcome.problems[0]?.code ?? "invalid", outcome.problems[0]?.field ?? ""), {
      errors: outcome.problems.map((p) => ({ index: null, field: p.field, code: p.code, message: said(p.code, p.field) })),
    });
  }
  return jsonOk(userJson(outcome.user));
});
