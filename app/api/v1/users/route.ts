import { createUser, listUsers } from "@/db/users/user-admin";
import { MAX_JSON_BYTES, readJsonBody } from "@/server/api/read-body";
import { authenticate, jsonError, jsonOk } from "@/server/api/respond";
import { userJson } from "@/server/api/user-json";
import { fieldErrors } from "@/lib/i18n/field-errors";
import { allows } from "@/lib/auth/permissions";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/users: every person, for admins. */
export const GET = answerFaults(async function GET() {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t } = caller;
  if (!allows(user, "administer")) return jsonError(t, 403, t("users.forbidden"));
  return jsonOk({ data: (await listUsers({ viewer: user })).map(userJson), next: null });
});

/**
 * POST /api/v1/users with {name, email, role, language, projects?, organisation?}, for admins: 201
 * with the person and their one-time `signInLink` (valid 7 days; Baseline sends no e-mail).
 */
export const POST = answerFaults(async function POST(request: Request) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t } = caller;
  if (!allows(user, "administer")) return jsonError(t, 403, t("users.forbidden"));
  const read = await readJsonBody(request);
  if (read.kind === "too_large") return jsonError(t, 413, t("api.tooLarge", { megabytes: MAX_JSON_BYTES / 1024 / 1024 }));
  if (read.kind !== "ok") return jsonError(t, 400, t("api.badJson"));
  const outcome = await createUser({ viewer: user }, read.value);
  if (outcome.kind === "forbidden") return jsonError(t, 403, t("users.forbidden"));
  if (outcome.kind === "invalid") {
    const messages = fieldErrors(t, outcome.problems);
    return jsonError(t, 422, t("users.notAdded"), {
      errors: outcome.problems.map((p) => ({ index: null, field: p.field, code: p.code, message: messages[p.field] ?? t("formErrors.invalid") })),
    });
  }
  const base = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
  return Response.json(
    { ...userJson(outcome.user), signInLink: new URL(`/welcome/${outcome.link.token}`, base).toString(), signInLinkExpiresAt: outcome.link.expiresAt },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
});
