"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { redirect } from "next/navigation";
import { createApiToken, revokeApiToken } from "@/db/users/api-tokens";
import { changeOwnPassword } from "@/db/users/user-admin";
import { requireUser } from "@/server/auth/session";
import type { TokenState } from "@/components/settings/token-forms";
import { getTranslator } from "@/server/i18n";

const nameSchema = z.string().trim().min(1).max(80);

/** Makes a personal API token; the answer holds it, once. */
export async function createTokenAction(_state: TokenState, form: FormData): Promise<TokenState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const name = nameSchema.safeParse(form.get("name"));
  if (!name.success) return { ok: false, message: t("settings.nameRequired") };
  const { token } = await createApiToken({ viewer: user }, name.data);
  revalidatePath("/settings");
  return { ok: true, message: t("settings.created"), token };
}

/** Revokes one of the user's own tokens: it gets 401 from then on. */
export async function revokeTokenAction(_state: TokenState, form: FormData): Promise<TokenState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  if (!id.success || !(await revokeApiToken({ viewer: user }, id.data))) return { ok: false, message: t("settings.notRevoked") };
  revalidatePath("/settings");
  return { ok: true, message: t("settings.revoked") };
}

const passwordSchema = z.object({ current: z.string().min(1).max(1000), next: z.string().max(1000) });

/** The user changes their own password; every session of theirs ends, so they sign in again with it. */
export async function changePasswordAction(_state: TokenState, form: FormData): Promise<TokenState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const input = passwordSchema.safeParse({ current: form.get("current"), next: form.get("next") });
  if (!input.success) return { ok: false, message: t("settings.passwordWrong") };
  const outcome = await changeOwnPassword({ viewer: user }, input.data.current, input.data.next);
  if (outcome.kind === "wrong_current") return { ok: false, message: t("settings.passwordWrong") };
  if (outcome.kind === "invalid") return { ok: false, message: t(`users.problem.${outcome.problem}`) };
  redirect("/login");
}
