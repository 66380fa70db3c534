"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/ui/form-state";
import { getProjectByCode } from "@/db/projects/projects";
import { saveTraining } from "@/db/trainings/trainings";
import { requireUser } from "@/server/auth/session";
import { fieldErrors } from "@/lib/i18n/field-errors";
import { getTranslator } from "@/server/i18n";
import { readTrainingForm } from "@/lib/validation/training";

const targetSchema = z.object({
  projectCode: z.string().min(1).max(64),
  id: z.coerce.number().int().positive().optional(),
  version: z.coerce.number().int().positive().optional(),
  ageGroups: z.string().max(500),
});

/** Registers or edits a training from its form. */
export async function saveTrainingForm(_state: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const target = targetSchema.safeParse({
    projectCode: form.get("projectCode"),
    id: form.get("id") || undefined,
    version: form.get("version") || undefined,
    ageGroups: form.get("ageGroups") ?? "",
  });
  const ctx = { viewer: user };
  const project = target.success ? await getProjectByCode(ctx, target.data.projectCode) : null;
  if (!project || !target.success) return { ok: false, message: t("formErrors.forbidden"), errors: {} };
  const outcome = await saveTraining(ctx, project.id, readTrainingForm(form, target.data.ageGroups.split(",")), { trainingId: target.data.id, version: target.data.version });
  if (outcome.kind === "saved") {
    revalidatePath(`/projects/${project.code}`, "layout");
    // The list confirms the save and shows the training (see its page's `saved`).
    redirect(`/projects/${encodeURIComponent(project.code)}/trainings?saved=${outcome.training.id}#training-${outcome.training.id}`);
  }
  if (outcome.kind === "invalid") return { ok: false, message: t("trainings.notSaved"), errors: fieldErrors(t, outcome.problems) };
  return { ok: false, message: outcome.kind === "conflict" ? t("formErrors.conflict") : t("formErrors.forbidden"), errors: {} };
}
