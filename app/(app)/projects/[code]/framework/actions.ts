"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/components/ui/form-state";
import { saveIndicator, saveResult } from "@/db/framework/framework-editing";
import { getProjectByCode } from "@/db/projects/projects";
import { requireUser } from "@/server/auth/session";
import { fieldErrors } from "@/lib/i18n/field-errors";
import { getTranslator } from "@/server/i18n";
import { readIndicatorForm } from "@/lib/validation/indicator";

const targetSchema = z.object({
  projectCode: z.string().min(1).max(64),
  id: z.coerce.number().int().positive().optional(),
  version: z.coerce.number().int().positive().optional(),
});

async function context(form: FormData) {
  const user = await requireUser();
  const { t } = await getTranslator();
  const target = targetSchema.safeParse({ projectCode: form.get("projectCode"), id: form.get("id") || undefined, version: form.get("version") || undefined });
  const ctx = { viewer: user };
  const project = target.success ? await getProjectByCode(ctx, target.data.projectCode) : null;
  return { t, ctx, project, target: target.success ? target.data : null };
}

/** Adds or edits a result of the framework. */
export async function saveResultForm(_state: FormState, form: FormData): Promise<FormState> {
  const { t, ctx, project, target } = await context(form);
  if (!project || !target) return { ok: false, message: t("formErrors.forbidden"), errors: {} };
  const outcome = await saveResult(
    ctx,
    project.id,
    { code: form.get("code"), type: form.get("type"), titleEn: form.get("titleEn"), titleFr: form.get("titleFr") ?? "", parentCode: form.get("parentCode") ?? "" },
    target.id,
  );
  if (outcome.kind === "saved") {
    revalidatePath(`/projects/${project.code}`, "layout");
    return { ok: true, message: t("framework.saved"), errors: {} };
  }
  if (outcome.kind === "invalid") return { ok: false, message: t("framework.notSaved"), errors: fieldErrors(t, outcome.problems) };
  return { ok: false, message: outcome.kind === "conflict" ? t("formErrors.conflict") : t("formErrors.forbidden"), errors: {} };
}

/** Adds or edits an indicator; a target or baseline changed after figures exist needs a reason. */
export async function saveIndicatorForm(_state: FormState, form: FormData): Promise<FormState> {
  const { t, ctx, project, target } = await context(form);
  if (!project || !target) return { ok: false, message: t("formErrors.forbidden"), errors: {} };
  const outcome = await saveIndicator(ctx, project.id, readIndicatorForm(form), { indicatorId: target.id, version: target.version });
  if (outcome.kind === "saved") {
    revalidatePath(`/projects/${project.code}`, "layout");
    redirect(`/projects/${encodeURIComponent(project.code)}/framework`);
  }
  if (outcome.kind === "invalid") return { ok: false, message: t("framework.notSaved"), errors: fieldErrors(t, outcome.problems) };
  return { ok: false, message: outcome.kind === "conflict" ? t("formErrors.conflict") : t("formErrors.forbidden"), errors: {} };
}
