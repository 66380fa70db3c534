import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { CloseProjectForm } from "@/components/projects/close-project-form";
import { ProjectFormContainer } from "@/app/(app)/projects/project-form-container";
import { editableProjectValues } from "@/db/projects/project-editing";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { loadProject } from "../load-project";
import { closeProjectForm } from "../../project-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("projectForm.editTitle") };
}

export default async function EditProjectPage({ params }: { params: Promise<{ code: string }> }) {
  const { ctx, overview } = await loadProject((await params).code);
  const values = overview ? await editableProjectValues(ctx, overview.project) : null;
  if (!overview || !values) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  return (
    <>
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
      </p>
      <h1>{t("projectForm.editTitle")}</h1>
      <ProjectFormContainer ctx={ctx} defaultValues={values} target={{ code: project.code, version: project.version }} />
      {project.status !== "completed" && (
        <CloseProjectForm closeAction={closeProjectForm} code={project.code} version={project.version} label={t("projectForm.close")} hint={t("projectForm.closeHint")} />
      )}
    </>
  );
}
