"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { NarrativeFormState } from "@/components/entry/narrative-form";
import { saveNarrative } from "@/db/data-entry/narratives";
import { getProjectByCode } from "@/db/projects/projects";
import { requireUser } from "@/server/auth/session";
import { fieldErrors } from "@/lib/i18n/field-errors";
import { getTranslator } from "@/server/i18n";
import { periodSchema } from "@/lib/periods/period-schema";

const targetSchema = z.object({
  projectCode: z.string().min(1).max(64),
  period: periodSchema,
  version: z.union([z.literal("").transform(() => null), z.coerce.number().int().positive()]),
});

/** Saves the narrative of a period in one language from its form. */
export async function saveNarrativeForm(_state: NarrativeFormState, form: FormData): Promise<NarrativeFormState> {
  const user = await requireUser();
  const { t } = await getTranslator();
  const target = targetSchema.safeParse({ projectCode: form.get("projectCode"), period: form.get("period"), version: form.get("version") ?? "" });
  const ctx = { viewer: user };
  const project = target.success ? await getProjectByCode(ctx, target.data.projectCode) : null;
  if (!project || !target.success) return { ok: false, message: t("narrative.forbidden"), errors: {} };
  const outcome = await saveNarrative(
    ctx,
    { projectId: project.id, period: target.data.period, version: target.data.version },
    {
      language: form.get("language"),
      highlights: form.get("highlights") ?? "",
      challenges: form.get("challenges") ?? "",
      nextSteps: form.get("nextSteps") ?? "",
    },
  );
  switch (outcome.kind) {
    case "saved":
      revalidatePath(`/projects/${project.code}/entry/${target.data.period}`);
      return { ok: true, message: t("narrative.saved"), errors: {}, version: outcome.narrative.version };
    case "invalid":
      return { ok: false, message: t("narrative.notSaved"), errors: fieldErrors(t, outcome.problems) };
    case "conflict":
      return { ok: false, message: t("narrative.conflict"), errors: {} };
    case "forbidden":
      return { ok: false, message: t("narrative.forbidden"), errors: {} };
  }
}
