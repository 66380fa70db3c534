import { z } from "zod";

// Field schemas and problem reporting shared by the forms' validation (project, indicator, result, training).

/** A problem of one field ("endDate", "budgets.1.year") with a message code translated under "formErrors". */
export type FieldProblem = { field: string; code: string };

/** Optional text: blank means absent (null). */
export const optionalText = (max = 4000) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** The problems of a failed parse, one per issue; messages that are not our codes become "invalid". */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.join("."), code: /^[a-z][a-z0-9_]*$/.test(issue.message) ? issue.message : "invalid" }));
}
