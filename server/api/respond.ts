import "server-only";
import type { CurrentUser } from "@/db/users/users";
import { getCurrentUser } from "@/server/auth/session";
import type { Language } from "@/lib/domain/codes";
import { languageFor } from "@/server/i18n";
import { translatorFor, type Translator } from "@/lib/i18n/translator";
import { PROBLEM_TYPES, type ProblemStatus } from "../../lib/api/problem-types";

export const problemType = (status: ProblemStatus) => `/api/v1/problems/${PROBLEM_TYPES[status]}`;

/**
 * An error as every API route answers it (RFC 9457, application/problem+json): a stable `type`, a
 * `title` for the kind of problem and a `detail` for this one, both in the caller's language, and
 * members of its own for some (`errors` per row of a write, `conflicts` with the current values).
 */
export function jsonError(t: Translator, status: ProblemStatus, detail: string, extensions: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ type: problemType(status), title: t(`api.problem.${PROBLEM_TYPES[status]}`), status, detail, ...extensions }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

export type ApiCaller = { user: CurrentUser; t: Translator; language: Language };

/** The signed-in caller, or the 401 to answer: API routes check the session themselves. */
export async function authenticate(): Promise<ApiCaller | Response> {
  // The user once: React's per-request cache does not reach route handlers, and reading them again
  // for the language would cost a second query (and a token's second use).
  const user = await getCurrentUser();
  const language = await languageFor(user);
  const t = translatorFor(language);
  if (!user) return jsonError(t, 401, t("api.unauthorized"));
  return { user, t, language };
}
