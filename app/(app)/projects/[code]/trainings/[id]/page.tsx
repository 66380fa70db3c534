import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { TrainingForm } from "@/components/trainings/training-form";
import { listDimensions } from "@/db/framework/framework-editing";
import { listTrainings, trainingFormValues } from "@/db/trainings/trainings";
import { may } from "@/db/users/viewer";
import { SEXES, TRAINING_KINDS, TRAINING_TOPICS } from "@/lib/domain/codes";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { loadProject } from "../../load-project";
import { saveTrainingForm } from "../actions";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: (await params).id === "new" ? t("trainings.newTitle") : t("trainings.editTitle") };
}

/** /trainings/new registers a training; /trainings/{id} edits one. */
export default async function TrainingPage({ params }: { params: Promise<{ code: string; id: string }> }) {
  const { code, id } = await params;
  const { ctx, overview } = await loadProject(code);
  if (!overview || !(await may(ctx, "enter", overview.project.id))) notFound();
  const { project, locations } = overview;
  const existing = id === "new" ? null : /^\d+$/.test(id) ? await trainingFormValues(ctx, project.id, Number(id)) : null;
  if (id !== "new" && !existing) notFound();
  const { t, language } = await getTranslator();
  const cohorts = (await listTrainings(ctx, project.id)).trainings.filter((tr) => tr.kind === "training_of_trainers" && String(tr.id) !== id);
  const dimensions = await listDimensions(ctx);
  const age = dimensions.find((d) => d.code === "age");
  const sex = dimensions.find((d) => d.code === "sex");
  const keys = ["startDate", "endDate", "facilitator", "save", "none", "kind", "topic"] as const;
  return (
    <>
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
        {" / "}
        <Link href={`/projects/${encodeURIComponent(project.code)}/trainings`}>{t("trainings.title")}</Link>
      </p>
      <h1>{existing ? t("trainings.editTitle") : t("trainings.newTitle")}</h1>
      <TrainingForm
        saveAction={saveTrainingForm}
        projectCode={project.code}
        target={existing ? { id: Number(id), version: existing.version } : undefined}
        defaultValues={existing}
        labels={{
          ...Object.fromEntries(keys.map((k) => [k, t(`trainings.${k}`)])),
          title: t("trainings.titleField"),
          locationCode: t("trainings.location"),
          cohortId: t("trainings.cohortField"),
          participants: t("trainings.participantsBy"),
          roster: t("trainings.rosterField"),
        }}
        choices={{
          kinds: TRAINING_KINDS.map((k) => ({ value: k, label: t(`framework.trainingKindName.${k}`) })),
          topics: TRAINING_TOPICS.map((k) => ({ value: k, label: t(`topic.${k}`) })),
          locations: locations.map((l) => ({ value: l.code, label: localized(language, l.nameEn, l.nameFr) })),
          cohorts: cohorts.map((c) => ({ value: String(c.id), label: c.title })),
          sexes: SEXES.map((code) => {
            const option = sex?.options.find((o) => o.code === code);
            return { value: code, label: option ? localized(language, option.nameEn, option.nameFr) : code };
          }),
          ageGroups: (age?.options ?? []).map((o) => ({ value: o.code, label: localized(language, o.nameEn, o.nameFr) })),
        }}
      />
    </>
  );
}
