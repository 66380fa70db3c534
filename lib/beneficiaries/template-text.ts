import type { Language } from "../domain/codes";
import { localized } from "../i18n/format";
import type { Translator } from "../i18n/translator";
import type { TemplateText } from "./registry-csv";

/** The notes of a project's import template, in the reader's language. */
export function registryTemplateText(t: Translator, language: Language, projectCode: string): TemplateText {
  return {
    notes: [
      t("import.templateNotes.title", { project: projectCode }),
      t("import.templateNotes.rows"),
      t("import.templateNotes.examples"),
      t("import.templateNotes.names"),
      t("import.templateNotes.others"),
    ],
    named: (value) => `${value.code} = ${localized(language, value.nameEn, value.nameFr)}`,
    listOf: (column, values) => t("import.templateNotes.list", { column, values }),
  };
}
