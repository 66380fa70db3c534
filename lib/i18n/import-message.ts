import type { Language } from "../domain/codes";
import type { ImportProblem } from "../beneficiaries/registry-csv";
import { formatAlternatives, formatList } from "./format";
import type { Translator } from "./translator";

/** The message of a bad row of an import, in the translator's language. */
export function importProblemMessage(t: Translator, language: Language, problem: ImportProblem): string {
  switch (problem.code) {
    case "missing_columns":
      return t("importErrors.missing_columns", { columns: problem.columns });
    case "unmatched_fields":
      return t("importErrors.unmatched_fields", {
        fields: formatList(
          language,
          problem.fields.split(", ").map((f) => t(`import.field.${f}` as "import.field.sex")),
        ),
      });
    case "unreadable_workbook":
      return t("importErrors.unreadable_workbook", { detail: problem.detail });
    case "unknown_code":
      return t("importErrors.unknownCode", { code: problem.value, field: t(`import.field.${problem.field}` as "import.field.sex") });
    case "missing_id":
      return t("importErrors.missing_id");
    case "conflicting_person":
      return t("importErrors.conflicting_person", { id: problem.id, field: problem.field });
    case "unreadable":
      return t("importErrors.unreadable", { detail: problem.detail });
    case "unknown_sex":
    case "unknown_group":
    case "unknown_service":
      return t(`importErrors.${problem.code}`, { value: problem.value, allowed: formatAlternatives(language, problem.allowed) });
    default:
      return t(`importErrors.${problem.code}`, { value: problem.value });
  }
}
