"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/components/ui/form-state";
import { closeProject, saveProject } from "@/db/projects/project-editing";
import { getProjectByCode } from "@/db/projects/projects";
import { requireUser } from "@/server/auth/session";
import { fieldErrors } from "@/lib/i18n/field-errors";
import { getTranslator } from "@/server/i18n";
import { readProjectForm } from "@/lib/validation/project";

const targetSchema = z.object({ projectCode: z.string().max(64).optional(), version: z.coerce.number().int().positive().optional() });

/** Saves the project form: a new project (admins) or an edit of one (its managers and admins). */
export async function saveProjectForm(_state: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const target = targetSchema.parse({ projectCode: form.get("projectCode") ?? undefined, version: form.get("version") ?? undefined });
  const ctx = { viewer: user };
  const existing = target.projectCode ? await getProjectByCode(ctx, target.projectCode) : null;
  if (target.projectCode && !existing) return { ok: false, message: t("formErrors.forbidden"), errors: {} };
  const outcome = await saveProject(ctx, readProjectForm(form), existing ? { projectId: existing.id, version: target.version } : {});
  switch (outcome.kind) {
    case "forbidden":
      return { ok: false, message: t("formErrors.forbidden"), errors: {} };
    case "conflict":
      return { ok: false, message: t("formErrors.conflict"), errors: {} };
    case "invalid":
      return { ok: false, message: t("projectForm.notSaved"), errors: fieldErrors(t, outcome.problems) };
    case "saved":
      revalidatePath("/", "layout");
      redirect(`/projects/${encodeURIComponent(outcome.project.code)}`);
  }
}

/** Closes the project: it becomes completed, with everything else as it is. */
export async function closeProjectForm(_state: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const target = targetSchema.parse({ projectCode: form.get("projectCode") ?? undefined, version: form.get("version") ?? undefined });
  const ctx = { viewer: user };
  const project = target.projectCode ? await getProjectByCode(ctx, target.projectCode) : null;
  if (!project) return { ok: false, message: t("formErrors.forbidden"), errors: {} };
  const outcome = await closeProject(ctx, project.id, target.version);
  if (outcome.kind === "saved") {
    revalidatePath("/", "layout");
    redirect(`/projects/${encodeURIComponent(outcome.project.code)}`);
  }
  return { ok: false, message: outcome.kind === "conflict" ? t("formErrors.conflict") : t("formErrors.forbidden"), errors: {} };
}
