import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { createTranslator, type Messages } from "use-intl/core";
import { getCurrentUser } from "@/lib/auth/session";
import type { Language } from "@/lib/domain/codes";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { chooseLanguage } from "./negotiate";

export const LANGUAGE_COOKIE = "baseline-language";
const MESSAGES = { en, fr } satisfies Record<Language, Messages>;

/** The language of this request: the user's choice, else this browser's choice, else Accept-Language. */
export const getLanguage = cache(async (): Promise<Language> => {
  const [user, cookieStore, headerList] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  return chooseLanguage(user?.language, cookieStore.get(LANGUAGE_COOKIE)?.value, headerList.get("accept-language"));
});

export function translatorFor(language: Language) {
  return createTranslator({ locale: language, messages: MESSAGES[language] });
}

export type Translator = ReturnType<typeof translatorFor>;

/** The translator of this request's language. */
export async function getTranslator(): Promise<{ t: Translator; language: Language }> {
  const language = await getLanguage();
  return { t: translatorFor(language), language };
}
