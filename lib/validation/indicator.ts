import { z } from "zod";
import { INDICATOR_DIRECTIONS, INDICATOR_MEASURES, INDICATOR_SOURCES, TIME_AGGREGATIONS, TRAINING_KINDS } from "../domain/codes";
import { FREQUENCY_PERIOD_TYPE, parsePeriod, periodOverlaps } from "../periods/period";
import type { ProjectDates } from "./period";
import { fieldProblems, optionalText, type FieldProblem } from "./fields";

const optionalNumber = z.coerce.number().finite().nullable().optional().transform((v) => v ?? null);

export const indicatorInputSchema = z
  .object({
    code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, "invalid_code"),
    resultCode: optionalText(),
    nameEn: z.string().trim().min(1, "required").max(300),
    nameFr: optionalText(),
    definitionEn: optionalText(),
    definitionFr: optionalText(),
    unitEn: optionalText(),
    unitFr: optionalText(),
    measure: z.enum(INDICATOR_MEASURES, "required"),
    direction: z.enum(INDICATOR_DIRECTIONS, "required"),
    timeAggregation: z.enum(TIME_AGGREGATIONS, "required"),
    isContext: z.boolean(),
    baselineValue: optionalNumber,
    baselineYear: z.coerce.number().int().min(1900).max(2200).nullable().optional().transform((v) => v ?? null),
    target: optionalNumber,
    source: z.enum(INDICATOR_SOURCES, "required"),
    sourceServiceCode: optionalText(),
    sourceTrainingKind: z.enum(TRAINING_KINDS).nullable().optional().transform((v) => v ?? null),
    sourceTrainingTopic: optionalText(),
    dimensions: z.array(z.string().min(1)).max(10),
    periodTargets: z.array(z.object({ period: z.string().trim(), value: z.coerce.number().finite() })).max(200),
    /** Why a target or baseline changes once figures exist. */
    reason: optionalText(),
  })
  .superRefine((i, ctx) => {
    if (i.measure !== "number" && !i.definitionEn) ctx.addIssue({ code: "custom", path: ["definitionEn"], message: "ratio_needs_definition" });
    if (i.source === "trainings" && !i.sourceTrainingKind) ctx.addIssue({ code: "custom", path: ["sourceTrainingKind"], message: "required" });
    if (i.source !== "registry" && i.sourceServiceCode) ctx.addIssue({ code: "custom", path: ["sourceServiceCode"], message: "service_without_registry" });
    if (i.source !== "manual" && i.measure !== "number") ctx.addIssue({ code: "custom", path: ["measure"], message: "computed_must_count" });
    if (!i.isContext && !i.resultCode) ctx.addIssue({ code: "custom", path: ["resultCode"], message: "required" });
    if (i.measure !== "number") {
      for (const [field, value] of [["target", i.target], ["baselineValue", i.baselineValue]] as const) {
        if (value !== null && (value < -1000 || value > 1000)) ctx.addIssue({ code: "custom", path: [field], message: "percentage_out_of_range" });
      }
    }
  });

export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/**
 * Checks an indicator against its project: the shape, then the per-period targets (each a period of
 * the project's frequency within its dates, none twice) and the code's uniqueness in the project.
 */
export function checkIndicatorInput(
  raw: unknown,
  project: ProjectDates,
  otherCodes: readonly string[],
): { ok: true; indicator: IndicatorInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = indicatorInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: fieldProblems(parsed.error) };
  }
  const indicator = parsed.data;
  const problems: FieldProblem[] = [];
  if (otherCodes.some((code) => code.toLowerCase() === indicator.code.toLowerCase())) problems.push({ field: "code", code: "duplicate_indicator_code" });
  const seen = new Set<string>();
  indicator.periodTargets.forEach(({ period }, i) => {
    const parsedPeriod = parsePeriod(period);
    if (!parsedPeriod) problems.push({ field: `periodTargets.${i}.period`, code: "invalid_period" });
    else if (parsedPeriod.type !== FREQUENCY_PERIOD_TYPE[project.reportingFrequency] && parsedPeriod.type !== "year")
      problems.push({ field: `periodTargets.${i}.period`, code: "wrong_period_type" });
    else if (!periodOverlaps(period, project.startDate, project.endDate)) problems.push({ field: `periodTargets.${i}.period`, code: "period_target_outside_project" });
    if (seen.has(period)) problems.push({ field: `periodTargets.${i}.period`, code: "duplicate_period_target" });
    seen.add(period);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, indicator };
}

/** The raw indicator of a submitted indicator form, to check with checkIndicatorInput. */
export function readIndicatorForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const orNull = (name: string) => (text(name).trim() === "" ? null : text(name));
  const values = form.getAll("targetValue").map((v) => (typeof v === "string" ? v : ""));
  return {
    code: text("code"),
    resultCode: text("resultCode"),
    nameEn: text("nameEn"),
    nameFr: text("nameFr"),
    definitionEn: text("definitionEn"),
    definitionFr: text("definitionFr"),
    unitEn: text("unitEn"),
    unitFr: text("unitFr"),
    measure: text("measure"),
    direction: text("direction"),
    timeAggregation: text("timeAggregation"),
    isContext: form.get("isContext") === "on",
    baselineValue: orNull("baselineValue"),
    baselineYear: orNull("baselineYear"),
    target: orNull("target"),
    source: text("source"),
    sourceServiceCode: text("sourceServiceCode"),
    sourceTrainingKind: orNull("sourceTrainingKind"),
    sourceTrainingTopic: text("sourceTrainingTopic"),
    dimensions: form.getAll("dimensions").filter((v): v is string => typeof v === "string"),
    periodTargets: form
      .getAll("targetPeriod")
      .map((p, i) => ({ period: typeof p === "string" ? p : "", value: values[i] ?? "" }))
      .filter((p) => p.period.trim() !== "" || p.value.trim() !== ""),
    reason: text("reason"),
  };
}
