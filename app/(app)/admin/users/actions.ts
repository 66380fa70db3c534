"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { UserActionState } from "@/components/admin/user-action-state";
import { createUser, issueSignInLink, resetPassword, updateUser } from "@/db/users/user-admin";
import { requireUser } from "@/server/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { fieldErrors } from "@/lib/i18n/field-errors";
import { signInLinkUrl } from "./sign-in-link-url";

const targetSchema = z.object({ userId: z.coerce.number().int().positive() });
const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/** An admin adds a person from the users page: the answer holds their one-time sign-in link. */
export async function addUserAction(_state: UserActionState, form: FormData): Promise<UserActionState> {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  const outcome = await createUser(
    { viewer: user },
    {
      name: text(form, "name") ?? "",
      email: text(form, "email") ?? "",
      role: text(form, "role"),
      language: text(form, "language"),
      projects: form.getAll("projects").filter((v): v is string => typeof v === "string"),
      organisation: text(form, "organisation") || null,
    },
  );
  if (outcome.kind === "forbidden") return { ok: false, message: t("users.forbidden"), errors: {} };
  if (outcome.kind === "invalid") return { ok: false, message: t("users.notAdded"), errors: fieldErrors(t, outcome.problems) };
  revalidatePath("/admin/users");
  return {
    ok: true,
    message: t("users.added", { name: outcome.user.name }),
    errors: {},
    link: { url: await signInLinkUrl(outcome.link.token), expires: formatDate(language, outcome.link.expiresAt) },
  };
}

const changeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), role: z.string() }),
  z.object({ change: z.literal("disable") }),
  z.object({ change: z.literal("enable") }),
  z.object({ change: z.literal("projects"), projects: z.array(z.string()) }),
  z.object({ change: z.literal("organisation"), organisation: z.string() }),
  z.object({ change: z.literal("link") }),
  z.object({ change: z.literal("password"), password: z.string() }),
]);

/** An admin changes one thing of an account from the users page: role, state, projects, organisation, a new link or password. */
export async function changeUserAction(_state: UserActionState, form: FormData): Promise<UserActionState> {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  const target = targetSchema.safeParse({ userId: form.get("userId") });
  const parsed = changeSchema.safeParse({
    change: form.get("change"),
    role: text(form, "role"),
    projects: form.getAll("projects").filter((v): v is string => typeof v === "string"),
    organisation: text(form, "organisation"),
    password: text(form, "password"),
  });
  if (!target.success || !parsed.success) return { ok: false, message: t("users.problem.invalid"), errors: {} };
  const ctx = { viewer: user };
  const change = parsed.data;
  const userId = target.data.userId;
  if (change.change === "link") {
    const link = await issueSignInLink(ctx, userId);
    if (!link) return { ok: false, message: t("users.forbidden"), errors: {} };
    revalidatePath("/admin/users");
    return { ok: true, message: t("users.linkMade"), errors: {}, link: { url: await signInLinkUrl(link.token), expires: formatDate(language, link.expiresAt) } };
  }
  if (change.change === "password") {
    const outcome = await resetPassword(ctx, userId, { password: change.password });
    if (outcome.kind === "forbidden") return { ok: false, message: t("users.forbidden"), errors: {} };
    if (outcome.kind === "invalid") return { ok: false, message: t(`users.problem.${outcome.problem}`), errors: {} };
    return { ok: true, message: t("users.changed"), errors: {} };
  }
  const patch =
    change.change === "role"
      ? { role: change.role }
      : change.change === "projects"
        ? { projects: change.projects }
        : change.change === "organisation"
          ? { organisation: change.organisation || null }
          : { disabled: change.change === "disable" };
  const outcome = await updateUser(ctx, userId, patch);
  if (outcome.kind === "forbidden" || outcome.kind === "not_found") return { ok: false, message: t("users.forbidden"), errors: {} };
  if (outcome.kind === "invalid") {
    const code = outcome.problems[0]?.code;
    return {
      ok: false,
      message: code === "self" || code === "last_admin" ? t(`users.problem.${code}`) : (Object.values(fieldErrors(t, outcome.problems))[0] ?? t("users.problem.invalid")),
      errors: {},
    };
  }
  revalidatePath("/admin/users");
  return { ok: true, message: t(change.change === "role" || change.change === "disable" ? "users.changed" : "users.saved"), errors: {} };
}
