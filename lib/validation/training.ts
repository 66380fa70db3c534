import { z } from "zod";
import { SEXES, TRAINING_KINDS, TRAINING_TOPICS } from "../domain/codes";
import { fieldProblems, optionalText, type FieldProblem } from "./fields";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date");

export const trainingInputSchema = z
  .object({
    title: z.string().trim().min(1, "required").max(300),
    kind: z.enum(TRAINING_KINDS, "required"),
    topic: z.enum(TRAINING_TOPICS, "required"),
    locationCode: z.string().trim().min(1, "required"),
    startDate: isoDate,
    endDate: isoDate,
    facilitator: optionalText(300),
    cohortId: z.coerce.number().int().positive().nullable().optional().transform((v) => v ?? null),
    participants: z.array(z.object({ sex: z.enum(SEXES), ageGroup: z.string().min(1), count: z.coerce.number().int("whole_number").min(0, "negative") })).max(50),
    /** Beneficiary IDs of the participants, when a roster was kept. */
    roster: z.array(z.string().trim().min(1)).max(10_000),
  })
  .superRefine((t, ctx) => {
    if (t.endDate < t.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "end_before_start" });
    if (t.kind === "training_of_trainers" && t.cohortId !== null) ctx.addIssue({ code: "custom", path: ["cohortId"], message: "cohort_for_trainers" });
    const total = t.participants.reduce((sum, p) => sum + p.count, 0);
    if (t.roster.length > 0 && new Set(t.roster).size !== total) ctx.addIssue({ code: "custom", path: ["roster"], message: "roster_count_mismatch" });
    if (new Set(t.participants.map((p) => `${p.sex}|${p.ageGroup}`)).size !== t.participants.length) ctx.addIssue({ code: "custom", path: ["participants"], message: "duplicate_participant_group" });
  });

export type TrainingInput = z.infer<typeof trainingInputSchema>;

export function checkTrainingInput(raw: unknown): { ok: true; training: TrainingInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = trainingInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, training: parsed.data };
  return { ok: false, problems: fieldProblems(parsed.error) };
}

/** The raw training of a submitted form: participants as count_{sex}_{ageGroup} fields, the roster one ID per line. */
export function readTrainingForm(form: FormData, ageGroups: readonly string[]): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const participants = SEXES.flatMap((sex) =>
    ageGroups.flatMap((ageGroup) => {
      const count = text(`count_${sex}_${ageGroup}`).trim();
      return count === "" ? [] : [{ sex, ageGroup, count }];
    }),
  );
  return {
    title: text("title"),
    kind: text("kind"),
    topic: text("topic"),
    locationCode: text("locationCode"),
    startDate: text("startDate"),
    endDate: text("endDate"),
    facilitator: text("facilitator"),
    cohortId: text("cohortId") === "" ? null : text("cohortId"),
    participants,
    roster: text("roster")
      .split(/[\s,;]+/)
      .map((r) => r.trim())
      .filter(Boolean),
  };
}
