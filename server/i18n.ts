import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/server/auth/session";
import type { Language } from "@/lib/domain/codes";
import { chooseLanguage } from "@/lib/i18n/negotiate";
import { translatorFor, type Translator } from "@/lib/i18n/translator";

export const LANGUAGE_COOKIE = "baseline-language";

/** The language of this request: the user's choice, else this browser's choice, else Accept-Language. */
export const getLanguage = cache(async (): Promise<Language> => languageFor(await getCurrentUser()));

/** The language of this request for a user already read (null without one): the same choice as getLanguage. */
export async function languageFor(user: { language: Language | null } | null): Promise<Language> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return chooseLanguage(user?.language, cookieStore.get(LANGUAGE_COOKIE)?.value, headerList.get("accept-language"));
}

/** The translator of this request's language. */
export async function getTranslator(): Promise<{ t: Translator; language: Language }> {
  const language = await getLanguage();
  return { t: translatorFor(language), language };
}
