import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ResultForm } from "@/components/framework/result-form";
import { RevisionList } from "@/components/framework/revision-list";
import { getFrameworkForEditing } from "@/db/framework/framework-view";
import { may } from "@/db/users/viewer";
import { RESULT_TYPES } from "@/lib/domain/codes";
import { formatMeasureValue } from "@/lib/i18n/format-figure";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { orderResultTree } from "@/lib/indicators/result-tree";
import { loadProject } from "../load-project";
import { saveResultForm } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("framework.title") };
}

export default async function FrameworkPage({ params }: { params: Promise<{ code: string }> }) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview || !(await may(ctx, "manage_framework", overview.project.id))) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  const framework = await getFrameworkForEditing(ctx, project.id);
  const resultLabels = {
    type: t("framework.type"),
    code: t("framework.code"),
    titleEn: t("framework.titleEn"),
    titleFr: t("framework.titleFr"),
    parent: t("framework.parent"),
    none: t("framework.none"),
    save: t("framework.save"),
  };
  const types = RESULT_TYPES.map((type) => ({ value: type, label: t(`resultType.${type}`) }));
  const parents = framework.results.map((r) => ({ value: r.code, label: `${r.code} ${localized(language, r.titleEn, r.titleFr)}` }));
  const base = `/projects/${encodeURIComponent(project.code)}`;

  return (
    <>
      <p className="eyebrow">
        <Link href={base}>{localized(language, project.titleEn, project.titleFr)}</Link>
      </p>
      <h1>{t("framework.title")}</h1>
      <section className="card" aria-labelledby="results-heading">
        <h2 id="results-heading">{t("framework.results")}</h2>
        {orderResultTree(framework.results).map(({ result }) => (
          <ResultForm
            saveAction={saveResultForm}
            key={`${result.id}-${result.code}-${result.titleEn}`}
            projectCode={project.code}
            values={{
              id: result.id,
              code: result.code,
              type: result.type,
              titleEn: result.titleEn,
              titleFr: result.titleFr ?? "",
              parentCode: framework.results.find((r) => r.id === result.parentId)?.code ?? "",
            }}
            types={types}
            parents={parents.filter((p) => p.value !== result.code)}
            labels={resultLabels}
          />
        ))}
        <h3>{t("framework.addResult")}</h3>
        <ResultForm
          saveAction={saveResultForm}
          projectCode={project.code}
          values={{ code: "", type: "output", titleEn: "", titleFr: "", parentCode: "" }}
          types={types}
          parents={parents}
          labels={resultLabels}
        />
      </section>
      <section className="card" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t("framework.indicators")}</h2>
        <p>
          <Link href={`${base}/framework/indicators/new`}>{t("framework.addIndicator")}</Link>
        </p>
        <div className="table-scroll">
          <table className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("project.framework.indicator")}</th>
                <th scope="col">{t("framework.measure")}</th>
                <th scope="col" className="num">
                  {t("framework.target")}
                </th>
                <th scope="col">{t("framework.revisions")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {framework.indicators.map(({ indicator, revisions }) => (
                <tr key={indicator.id}>
                  <th scope="row">
                    <span className="code">{indicator.code}</span> {localized(language, indicator.nameEn, indicator.nameFr)}
                  </th>
                  <td data-label={t("framework.measure")}>{t(`framework.measureName.${indicator.measure}`)}</td>
                  <td className="num" data-label={t("framework.target")}>
                    {indicator.target === null ? "—" : formatMeasureValue(language, indicator.measure, indicator.target)}
                  </td>
                  <td data-label={t("framework.revisions")}>
                    <RevisionList words={{ t, language }} revisions={revisions} />
                  </td>
                  <td>
                    <Link href={`${base}/framework/indicators/${indicator.id}`} aria-label={`${t("framework.edit")} ${indicator.code}`}>
                      {t("framework.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
