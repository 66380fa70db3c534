import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportPanel } from "@/components/beneficiaries/import-panel";
import { seesIndividualRecords } from "@/db/queries/beneficiary-records";
import { REGISTRY_CSV_COLUMNS, registryCsvTemplate } from "@/lib/beneficiaries/registry-csv";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/server";
import { loadProject } from "../../load-project";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("import.title") };
}

export default async function ImportPage({ params }: { params: Promise<{ code: string }> }) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview || !seesIndividualRecords(ctx, overview.project.id)) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  return (
    <>
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
        {" / "}
        <Link href={`/projects/${encodeURIComponent(project.code)}/beneficiaries`}>{t("registry.title")}</Link>
      </p>
      <h1>{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      <section className="card">
        <h2>{t("import.columns")}</h2>
        <dl className="columns">
          {REGISTRY_CSV_COLUMNS.map((column) => (
            <div key={column}>
              <dt>
                <code>{column}</code>
              </dt>
              <dd>{t(`import.column.${column}`)}</dd>
            </div>
          ))}
        </dl>
        <p>
          <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(registryCsvTemplate())}`} download="baseline-beneficiaries-template.csv">
            {t("import.template")}
          </a>
        </p>
      </section>
      <ImportPanel
        projectCode={project.code}
        labels={{ file: t("import.file"), preview: t("import.preview"), commit: t("import.commit"), uploading: t("import.uploading"), line: t.raw("import.line") as string, failed: t("import.failed") }}
      />
    </>
  );
}
