import { createTranslator, type Messages } from "use-intl/core";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import type { Language } from "../domain/codes";

// The pure translator: a language's messages, nothing about the request. server/i18n.ts picks the
// request's language; files, reports and tests take a language of their own.
const MESSAGES = { en, fr } satisfies Record<Language, Messages>;

export function translatorFor(language: Language) {
  return createTranslator({ locale: language, messages: MESSAGES[language] });
}

export type Translator = ReturnType<typeof translatorFor>;
