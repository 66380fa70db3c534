"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { requireUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";

export type TokenState = { ok: boolean; message: string; token?: string } | null;

const nameSchema = z.string().trim().min(1).max(80);

/** Makes a personal API token; the answer holds it, once. */
export async function createTokenAction(_state: TokenState, form: FormData): Promise<TokenState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const name = nameSchema.safeParse(form.get("name"));
  if (!name.success) return { ok: false, message: t("settings.nameRequired") };
  const { token } = createApiToken({ viewer: user }, name.data);
  revalidatePath("/settings");
  return { ok: true, message: t("settings.created"), token };
}

/** Revokes one of the user's own tokens: it gets 401 from then on. */
export async function revokeTokenAction(_state: TokenState, form: FormData): Promise<TokenState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  if (!id.success || !revokeApiToken({ viewer: user }, id.data)) return { ok: false, message: t("settings.notRevoked") };
  revalidatePath("/settings");
  return { ok: true, message: t("settings.revoked") };
}
