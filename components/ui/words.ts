import type { Language } from "@/lib/domain/codes";
import type { Translator } from "@/lib/i18n/translator";

/** The reader's language and its translator, handed down by the page: components never read the request. */
export type Words = { t: Translator; language: Language };
