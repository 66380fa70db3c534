import { z } from "zod";
import { LANGUAGES } from "../domain/codes";
import { fieldProblems, optionalText, type FieldProblem } from "./fields";

export const NARRATIVE_MAX = 4000;

/** A period's narrative in one language: highlights, challenges and next steps, each optional. */
export const narrativeInputSchema = z.object({
  language: z.enum(LANGUAGES),
  highlights: optionalText(NARRATIVE_MAX),
  challenges: optionalText(NARRATIVE_MAX),
  nextSteps: optionalText(NARRATIVE_MAX),
});
export type NarrativeInput = z.infer<typeof narrativeInputSchema>;

export function checkNarrativeInput(raw: unknown): { ok: true; narrative: NarrativeInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = narrativeInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, narrative: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => (issue.code === "too_big" ? { field: issue.path.join("."), code: "narrative_too_long" } : fieldProblems(new z.ZodError([issue]))[0]!)) };
}
