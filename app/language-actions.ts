"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { setUserLanguage } from "@/db/users/users";
import { getCurrentUser } from "@/server/auth/session";
import { LANGUAGES } from "@/lib/domain/codes";
import { LANGUAGE_COOKIE } from "@/server/i18n";

const chooseLanguageSchema = z.object({
  language: z.enum(LANGUAGES),
  // Only a path of this site: never an open redirect.
  returnTo: z
    .string()
    .regex(/^\/(?!\/)[^\s]*$/)
    .catch("/"),
});

const ONE_YEAR = 365 * 24 * 60 * 60;

/** The user chooses a language: kept for them when signed in, and for this browser in any case. */
export async function chooseLanguage(formData: FormData): Promise<void> {
  const parsed = chooseLanguageSchema.safeParse({ language: formData.get("language"), returnTo: formData.get("returnTo") ?? "/" });
  if (!parsed.success) redirect("/");
  const { language, returnTo } = parsed.data;
  const user = await getCurrentUser();
  if (user) await setUserLanguage(user.userId, language);
  (await cookies()).set(LANGUAGE_COOKIE, language, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", httpOnly: true });
  redirect(returnTo);
}
