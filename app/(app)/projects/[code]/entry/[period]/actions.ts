"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCellHistory } from "@/db/data-entry/data-value-list";
import { getProjectByCode } from "@/db/projects/projects";
import { getPeriodOverview, transitionPeriod } from "@/db/data-entry/project-periods";
import type { CellHistoryInput } from "@/components/entry/grid-types";
import type { GapLine, TransitionState } from "@/components/entry/workflow-panel";
import { gapLines } from "./gap-lines";
import { seesUnapprovedFigures } from "@/db/users/viewer";
import { requireUser } from "@/server/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { problemMessage, refusalMessage } from "@/lib/i18n/problem-message";
import { getTranslator } from "@/server/i18n";
import { PERIOD_ACTIONS } from "@/lib/workflow/period-workflow";
import { periodSchema } from "@/lib/periods/period-schema";

const today = () => new Date().toISOString().slice(0, 10);

const historySchema = z.object({
  projectCode: z.string().min(1).max(64),
  indicatorId: z.number().int().positive(),
  period: periodSchema,
  locationCode: z.string().min(1).max(64),
  disaggregation: z.string().max(200),
});

/** The changes of one cell, for its history line. */
export async function loadCellHistory(input: CellHistoryInput): Promise<string[]> {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  const checked = historySchema.safeParse(input);
  // Donors read approved figures only: a cell's history is none of theirs.
  if (!checked.success || !seesUnapprovedFigures(user)) return [];
  const parsed = checked.data;
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parsed.projectCode);
  if (!project) return [];
  const show = (figure: unknown) => {
    if (!figure || typeof figure !== "object") return "—";
    const f = figure as { value: number | null; numerator: number | null; denominator: number | null };
    return f.value !== null ? String(f.value) : f.denominator !== null ? `${f.numerator}/${f.denominator}` : "—";
  };
  return (await getCellHistory(ctx, project.id, parsed)).map(
    (entry) =>
      t("entry.historyLine", {
        date: formatDate(language, entry.at),
        user: entry.userName ?? "—",
        action: entry.action.replace("data_value.", ""),
        before: show(entry.before),
        after: show(entry.after),
      }) + (entry.comment ? ` (${entry.comment})` : ""),
  );
}

const transitionSchema = z.object({
  projectCode: z.string().min(1).max(64),
  period: periodSchema,
  action: z.enum(PERIOD_ACTIONS),
  comment: z.string().max(2000).optional(),
});

/** Submit, approve, return, reopen or mark not reported, from the approval panel once confirmed. */
export async function changePeriodStatus(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  const parsed = transitionSchema.safeParse({
    projectCode: formData.get("projectCode"),
    period: formData.get("period"),
    action: formData.get("action"),
    comment: formData.get("comment") ?? undefined,
  });
  if (!parsed.success) return { ok: false, message: t("api.badAction") };
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parsed.data.projectCode);
  if (!project) return { ok: false, message: t("workflow.not_allowed") };
  const outcome = await transitionPeriod(ctx, { projectId: project.id, period: parsed.data.period, action: parsed.data.action, comment: parsed.data.comment, today: today() });
  if (outcome.kind === "done") {
    revalidatePath(`/projects/${project.code}`, "layout");
    return { ok: true, message: t("entry.transitionDone", { status: outcome.period.status }) };
  }
  if (outcome.kind === "invalid") return { ok: false, message: problemMessage(t, language, outcome.problem) };
  if (outcome.kind === "refused") return { ok: false, message: refusalMessage(t, language, { ...outcome, period: parsed.data.period }) };
  return { ok: false, message: t("workflow.not_allowed") };
}

const completenessSchema = z.object({ projectCode: z.string().min(1).max(64), period: periodSchema });

/** The expected figures of the period still empty, named in the user's language, as the manager is about to submit. */
export async function checkCompleteness(input: z.infer<typeof completenessSchema>): Promise<GapLine[]> {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  const parsed = completenessSchema.safeParse(input);
  if (!parsed.success) return [];
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parsed.data.projectCode);
  const overview = project ? await getPeriodOverview(ctx, project, parsed.data.period, today()) : null;
  return project && overview ? await gapLines(ctx, project, overview.gaps, t, language) : [];
}
