"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeUser } from "@/db/queries/user-admin";
import { requireUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";

export type UserChangeState = { ok: boolean; message: string } | null;

const targetSchema = z.object({ userId: z.coerce.number().int().positive() });

/** An admin changes an account from the users page: role, disabled or enabled, new password. */
export async function changeUserAction(_state: UserChangeState, form: FormData): Promise<UserChangeState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const target = targetSchema.safeParse({ userId: form.get("userId") });
  if (!target.success) return { ok: false, message: t("users.forbidden") };
  const outcome = await changeUser({ viewer: user }, target.data.userId, { change: form.get("change"), role: form.get("role") ?? undefined, password: form.get("password") ?? undefined });
  if (outcome.kind === "forbidden") return { ok: false, message: t("users.forbidden") };
  if (outcome.kind === "invalid") return { ok: false, message: t(`users.problem.${outcome.problem}`) };
  revalidatePath("/admin/users");
  return { ok: true, message: t("users.changed") };
}
