import { z } from "zod";
import { fieldProblems, optionalText, type FieldProblem } from "./fields";
import { PROJECT_ORGANISATION_ROLES, PROJECT_STATUSES, REPORTING_FREQUENCIES } from "../domain/codes";

// What a project form or API sends, checked. Messages are codes, translated under "projectForm.errors".

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "invalid_date");

export const projectInputSchema = z
  .object({
    code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, "invalid_code"),
    programmeCode: optionalText(),
    phase: z.coerce.number().int().min(1, "invalid_phase").max(99, "invalid_phase").nullable().optional().transform((v) => v ?? null),
    titleEn: z.string().trim().min(1, "required").max(300),
    titleFr: optionalText(),
    summaryEn: optionalText(),
    summaryFr: optionalText(),
    status: z.enum(PROJECT_STATUSES, "required"),
    startDate: isoDate,
    endDate: isoDate,
    countryCode: z.string().trim().min(1, "required"),
    reportingFrequency: z.enum(REPORTING_FREQUENCIES, "required"),
    householdSize: z.coerce.number().positive("invalid_household_size").max(50, "invalid_household_size").nullable().optional().transform((v) => v ?? null),
    householdSizeSource: optionalText(),
    currency: z.string().trim().regex(/^[A-Z]{3}$/, "invalid_currency"),
    dataNoteEn: optionalText(),
    dataNoteFr: optionalText(),
    organisations: z.array(z.object({ code: z.string().min(1), role: z.enum(PROJECT_ORGANISATION_ROLES) })).max(50),
    locationCodes: z.array(z.string().min(1)).max(500),
    budgets: z.array(z.object({ year: z.coerce.number().int().min(1900).max(2200), amount: z.coerce.number().min(0, "negative_budget").max(1e12) })).max(100),
    /** OECD DAC 5-digit sectors with the project's share in each; with any, the shares add up to 100. */
    sectors: z
      .array(z.object({ code: z.string().trim().regex(/^\d{5}$/, "invalid_sector"), percentage: z.coerce.number().gt(0, "invalid_sector_percentage").max(100, "invalid_sector_percentage") }))
      .max(20)
      .default([]),
  })
  .superRefine((p, ctx) => {
    if (p.endDate < p.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "end_before_start" });
    const startYear = Number(p.startDate.slice(0, 4));
    const endYear = Number(p.endDate.slice(0, 4));
    const years = new Set<number>();
    p.budgets.forEach((b, i) => {
      if (b.year < startYear || b.year > endYear) ctx.addIssue({ code: "custom", path: ["budgets", i, "year"], message: "budget_outside_project" });
      if (years.has(b.year)) ctx.addIssue({ code: "custom", path: ["budgets", i, "year"], message: "duplicate_budget_year" });
      years.add(b.year);
    });
    if (p.sectors.length > 0 && Math.abs(p.sectors.reduce((sum, s) => sum + s.percentage, 0) - 100) > 0.001) ctx.addIssue({ code: "custom", path: ["sectors"], message: "sectors_not_100" });
    if (new Set(p.sectors.map((s) => s.code)).size !== p.sectors.length) ctx.addIssue({ code: "custom", path: ["sectors"], message: "duplicate_sector" });
    if (p.phase !== null && p.programmeCode === null) ctx.addIssue({ code: "custom", path: ["phase"], message: "phase_without_programme" });
  });

export type ProjectInput = z.infer<typeof projectInputSchema>;

/** Checks a project input; problems name their field ("endDate", "budgets.1.year") and a message code. */
export function checkProjectInput(raw: unknown): { ok: true; project: ProjectInput } | { ok: false; problems: FieldProblem[] } {
  const parsed = projectInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, project: parsed.data };
  return { ok: false, problems: fieldProblems(parsed.error) };
}

/** The raw project of a submitted project form, to check with checkProjectInput. */
export function readProjectForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const all = (name: string) => form.getAll(name).map((v) => (typeof v === "string" ? v : ""));
  const roles = all("organisationRole");
  const amounts = all("budgetAmount");
  const shares = all("sectorPercentage");
  return {
    code: text("code"),
    programmeCode: text("programmeCode"),
    phase: text("phase") === "" ? null : text("phase"),
    titleEn: text("titleEn"),
    titleFr: text("titleFr"),
    summaryEn: text("summaryEn"),
    summaryFr: text("summaryFr"),
    status: text("status"),
    startDate: text("startDate"),
    endDate: text("endDate"),
    countryCode: text("countryCode"),
    reportingFrequency: text("reportingFrequency"),
    householdSize: text("householdSize") === "" ? null : text("householdSize"),
    householdSizeSource: text("householdSizeSource"),
    currency: text("currency"),
    dataNoteEn: text("dataNoteEn"),
    dataNoteFr: text("dataNoteFr"),
    organisations: all("organisationCode").map((code, i) => ({ code, role: roles[i] ?? "" })),
    locationCodes: all("locationCodes"),
    budgets: all("budgetYear")
      .map((year, i) => ({ year, amount: amounts[i] ?? "" }))
      .filter((b) => b.year !== "" || b.amount !== ""),
    sectors: all("sectorCode")
      .map((code, i) => ({ code, percentage: shares[i] ?? "" }))
      .filter((s) => s.code !== "" || s.percentage !== ""),
  };
}
