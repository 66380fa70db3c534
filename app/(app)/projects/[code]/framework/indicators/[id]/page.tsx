import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { IndicatorFormContainer } from "@/app/(app)/projects/[code]/framework/indicators/indicator-form-container";
import { RevisionList } from "@/components/framework/revision-list";
import { indicatorFormValues } from "@/db/framework/framework-editing";
import { getFrameworkForEditing } from "@/db/framework/framework-view";
import { may } from "@/db/users/viewer";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { loadProject } from "../../../load-project";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("framework.editIndicator") };
}

/** /framework/indicators/new adds an indicator; /framework/indicators/{id} edits one. */
export default async function IndicatorPage({ params }: { params: Promise<{ code: string; id: string }> }) {
  const { code, id } = await params;
  const { ctx, overview } = await loadProject(code);
  if (!overview || !(await may(ctx, "manage_framework", overview.project.id))) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  const framework = await getFrameworkForEditing(ctx, project.id);
  const existing = id === "new" ? null : framework.indicators.find((i) => String(i.indicator.id) === id);
  if (id !== "new" && !existing) notFound();
  return (
    <>
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
        {" / "}
        <Link href={`/projects/${encodeURIComponent(project.code)}/framework`}>{t("framework.title")}</Link>
      </p>
      <h1>{existing ? t("common.labelled", { label: t("framework.editIndicator"), value: existing.indicator.code }) : t("framework.newIndicator")}</h1>
      <IndicatorFormContainer
        ctx={ctx}
        framework={framework}
        projectCode={project.code}
        defaultValues={existing ? await indicatorFormValues(ctx, existing.indicator) : null}
        target={existing ? { id: existing.indicator.id, version: existing.indicator.version } : undefined}
      />
      {existing && (
        <section className="card">
          <h2>{t("framework.revisions")}</h2>
          <RevisionList words={{ t, language }} revisions={existing.revisions} />
        </section>
      )}
    </>
  );
}
