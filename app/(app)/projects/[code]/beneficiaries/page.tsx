import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReachSummary } from "@/components/beneficiaries/reach-summary";
import { listBeneficiaryRecords, seesIndividualRecords } from "@/db/queries/beneficiary-records";
import { getReach } from "@/db/queries/registry";
import { formatNumber, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/server";
import { loadProject } from "../load-project";

const PAGE = 100;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("registry.title") };
}

export default async function RegistryPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  const offset = z.coerce.number().int().min(0).catch(0).parse((await searchParams).offset);
  const individual = seesIndividualRecords(ctx, project.id);
  const page = individual ? listBeneficiaryRecords(ctx, project.id, { limit: PAGE, offset }) : null;
  const base = `/projects/${encodeURIComponent(project.code)}/beneficiaries`;
  return (
    <>
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
      </p>
      <h1>{t("registry.title")}</h1>
      <section className="card">
        <ReachSummary reach={getReach(ctx, [project.id])} />
      </section>
      {!page ? (
        <p className="muted">{t("registry.countsOnly")}</p>
      ) : (
        <section className="card" aria-labelledby="records">
          <h2 id="records">{t("registry.records")}</h2>
          <p>
            <Link href={`${base}/import`}>{t("registry.import")}</Link>
          </p>
          <p className="muted small">{t("registry.recordsCount", { shown: formatNumber(language, page.records.length), total: formatNumber(language, page.total) })}</p>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  {(["id", "household", "sex", "birthYear", "group", "location", "householdSize", "services"] as const).map((key) => (
                    <th scope="col" key={key}>
                      {t(`registry.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.records.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="code">
                      {r.ref}
                    </th>
                    <td className="code">{r.householdRef ?? "—"}</td>
                    <td>{r.sex}</td>
                    <td>{r.birthYear ?? "—"}</td>
                    <td>{r.groupCode}</td>
                    <td>{r.locationCode}</td>
                    <td className="num">{r.householdSize ?? "—"}</td>
                    <td className="small">{r.services.map((s) => `${s.code} ${s.receivedOn}`).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="row-fields">
            {offset > 0 && <Link href={`${base}?offset=${Math.max(0, offset - PAGE)}`}>{t("registry.previous")}</Link>}
            {offset + PAGE < page.total && <Link href={`${base}?offset=${offset + PAGE}`}>{t("registry.next")}</Link>}
          </p>
        </section>
      )}
    </>
  );
}
