import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ReachSummary } from "@/components/beneficiaries/reach-summary";
import { ResultsFramework } from "@/components/indicators/results-framework";
import { ProjectOverview } from "@/components/projects/project-overview";
import { listIndicatorFigures } from "@/db/queries/indicator-figures";
import { getReach } from "@/db/queries/registry";
import { listResults } from "@/db/queries/results-framework";
import { managedProjectIds, seesUnapprovedFigures, type QueryContext } from "@/db/queries/viewer";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/server";
import { loadProject } from "../load-project";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { overview } = await loadProject((await params).code);
  const { language } = await getTranslator();
  return { title: overview ? localized(language, overview.project.titleEn, overview.project.titleFr) : undefined };
}

async function Beneficiaries({ ctx, projectId }: { ctx: QueryContext; projectId: number }) {
  return <ReachSummary reach={getReach(ctx, [projectId])} />;
}

async function Framework({ ctx, projectId }: { ctx: QueryContext; projectId: number }) {
  return <ResultsFramework results={listResults(ctx, projectId)} figures={listIndicatorFigures(ctx, projectId)} />;
}

export default async function ProjectPage({ params }: Props) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview) notFound();
  const { t } = await getTranslator();
  const projectId = overview.project.id;
  return (
    <>
      <ProjectOverview overview={overview} showEntryLink={seesUnapprovedFigures(ctx.viewer)} canEdit={managedProjectIds(ctx).includes(overview.project.id)} />
      <section className="card" aria-labelledby="beneficiaries">
        <h2 id="beneficiaries">{t("project.beneficiaries.title")}</h2>
        <p>
          <Link href={`/projects/${encodeURIComponent(overview.project.code)}/beneficiaries`}>{t("registry.link")}</Link>
          {" · "}
          <Link href={`/projects/${encodeURIComponent(overview.project.code)}/trainings`}>{t("trainings.link")}</Link>
        </p>
        <Suspense fallback={<p className="muted">{t("common.loading")}</p>}>
          <Beneficiaries ctx={ctx} projectId={projectId} />
        </Suspense>
      </section>
      <section className="card" aria-labelledby="framework">
        <h2 id="framework">{t("project.framework.title")}</h2>
        <Suspense fallback={<p className="muted">{t("common.loading")}</p>}>
          <Framework ctx={ctx} projectId={projectId} />
        </Suspense>
      </section>
    </>
  );
}
