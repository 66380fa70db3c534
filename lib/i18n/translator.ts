import { createTranslator, type Messages } from "use-intl/core";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import type { Language } from "../domain/codes";

// The pure translator: a language's messages, nothing about the request. server/i18n.ts picks the
// request's language; files, reports and tests take a language of their own.
const MESSAGES = { en, fr } satisfies Record<Language, Messages>;

const create = (language: Language) => createTranslator({ locale: language, messages: MESSAGES[language] });
export type Translator = ReturnType<typeof create>;

// One translator per language for the process's life: each keeps the messages it has parsed and the
// Intl formatters it has made, which a translator made per call (a page asks for it a dozen times)
// parsed and made again each time. Making one parses nothing yet.
const TRANSLATORS: Record<Language, Translator> = { en: create("en"), fr: create("fr") };

export function translatorFor(language: Language): Translator {
  return TRANSLATORS[language];
}
