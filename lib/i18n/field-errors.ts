import type { FieldProblem } from "../validation/fields";
import type { Translator } from "./translator";

/** One message per field, the first problem of each, in the translator's language. */
export function fieldErrors(t: Translator, problems: readonly FieldProblem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, code } of problems) {
    const key = `formErrors.${code}`;
    errors[field] ??= t.has(key as "formErrors.invalid") ? t(key as "formErrors.invalid") : t("formErrors.invalid");
  }
  return errors;
}
