"use server";

import { z } from "zod";
import type { WelcomeState } from "@/components/auth/welcome-form";
import { setPasswordWithLink } from "@/db/users/user-admin";
import { getTranslator } from "@/server/i18n";

const schema = z.object({ token: z.string().min(20).max(100), password: z.string().max(1000), confirm: z.string().max(1000) });

/** The person of a one-time sign-in link chooses their password; then they sign in with it. */
export async function setPasswordAction(_state: WelcomeState, form: FormData): Promise<WelcomeState> {
  const { t } = await getTranslator();
  const parsed = schema.safeParse({ token: form.get("token"), password: form.get("password"), confirm: form.get("confirm") });
  if (!parsed.success) return { ok: false, message: t("users.problem.invalid_link") };
  if (parsed.data.password !== parsed.data.confirm) return { ok: false, message: t("welcome.mismatch") };
  const outcome = await setPasswordWithLink(parsed.data.token, parsed.data.password);
  if (outcome.kind === "invalid_link") return { ok: false, message: t("users.problem.invalid_link") };
  if (outcome.kind === "invalid") return { ok: false, message: t(`users.problem.${outcome.problem}`) };
  return { ok: true, message: t("welcome.done"), email: outcome.email };
}
