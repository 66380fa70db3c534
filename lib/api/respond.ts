import "server-only";
import type { CurrentUser } from "@/db/queries/users";
import { getCurrentUser } from "@/lib/auth/session";
import type { Language } from "@/lib/domain/codes";
import { getTranslator, type Translator } from "@/lib/i18n/server";

/** An error as every API route answers it: JSON with a readable message in the caller's language. */
export function jsonError(status: number, message: string): Response {
  return Response.json({ error: { status, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}

export type ApiCaller = { user: CurrentUser; t: Translator; language: Language };

/** The signed-in caller, or the 401 to answer: API routes check the session themselves. */
export async function authenticate(): Promise<ApiCaller | Response> {
  const [user, { t, language }] = await Promise.all([getCurrentUser(), getTranslator()]);
  if (!user) return jsonError(401, t("api.unauthorized"));
  return { user, t, language };
}
