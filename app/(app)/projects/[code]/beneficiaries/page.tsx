import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReachSummary } from "@/components/beneficiaries/reach-summary";
import { listBeneficiaryRecords, seesIndividualRecords } from "@/db/registry/beneficiary-records";
import { registryImportContext } from "@/db/registry/registry-import";
import { countOpenDuplicatePairs } from "@/db/registry/duplicates";
import type { CodedValue } from "@/lib/beneficiaries/code-book";
import { getReach } from "@/db/registry/registry";
import { formatDate, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { loadProject } from "../load-project";

const PAGE = 100;

const querySchema = z.object({
  offset: z.coerce.number().int().min(0).catch(0),
  q: z.string().trim().max(64).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("registry.title") };
}

export default async function RegistryPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  const { offset, q } = querySchema.parse(await searchParams);
  const search = q || undefined;
  const individual = await seesIndividualRecords(ctx, project.id);
  const page = individual ? await listBeneficiaryRecords(ctx, project.id, { limit: PAGE, offset, search }) : null;
  const openPairs = individual ? await countOpenDuplicatePairs(ctx, project.id) : null;
  const base = `/projects/${encodeURIComponent(project.code)}/beneficiaries`;
  const pageAt = (at: number) => `${base}?${new URLSearchParams({ ...(search ? { q: search } : {}), offset: String(at) }).toString()}`;
  // Names, not codes, in the reader's language: the same code book the import reads, for those who see records.
  const codes = page ? (await registryImportContext(ctx, project.id)).codes : null;
  const nameIn = (values: readonly CodedValue[] = []) => {
    const names = new Map(values.map((v) => [v.code, localized(language, v.nameEn, v.nameFr)]));
    return (code: string | null) => (code === null ? "—" : (names.get(code) ?? code));
  };
  const [sexName, groupName, placeName, serviceName] = [nameIn(codes?.sexes), nameIn(codes?.groups), nameIn(codes?.places), nameIn(codes?.services)];
  return (
    <>
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
      </p>
      <h1>{t("registry.title")}</h1>
      <section className="card">
        <ReachSummary words={{ t, language }} reach={await getReach(ctx, [project.id])} />
      </section>
      {!page ? (
        <p className="muted">{t("registry.countsOnly")}</p>
      ) : (
        <section className="card" aria-labelledby="records">
          <h2 id="records">{t("registry.records")}</h2>
          <p>
            <Link href={`${base}/import`}>{t("registry.import")}</Link>
          </p>
          {openPairs !== null && (
            <p>
              <Link href={`${base}/duplicates`}>{t("duplicates.link", { count: openPairs })}</Link>
            </p>
          )}
          <form method="get" action={base} className="filters" role="search" aria-label={t("registry.search")}>
            <label>
              {t("registry.searchLabel")}
              <input type="search" name="q" defaultValue={search ?? ""} maxLength={64} />
            </label>
            <button type="submit">{t("registry.searchButton")}</button>
            {search && <Link href={base}>{t("registry.searchClear")}</Link>}
          </form>
          <p className="muted small" role="status">
            {search
              ? t("registry.matchCount", { count: page.total, shown: page.records.length, search })
              : t("registry.recordsCount", { shown: page.records.length, total: page.total })}
          </p>
          <div className="table-scroll">
            <table className="stack-on-phone">
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
                    <td className="code" data-label={t("registry.household")}>
                      {r.householdRef ?? "—"}
                    </td>
                    <td data-label={t("registry.sex")}>{sexName(r.sex)}</td>
                    <td data-label={t("registry.birthYear")}>{r.birthYear ?? "—"}</td>
                    <td data-label={t("registry.group")}>{groupName(r.groupCode)}</td>
                    <td data-label={t("registry.location")}>{placeName(r.locationCode)}</td>
                    <td className="num" data-label={t("registry.householdSize")}>
                      {r.householdSize ?? "—"}
                    </td>
                    <td className="small" data-label={t("registry.services")}>
                      {r.services.map((s) => `${serviceName(s.code)} (${formatDate(language, s.receivedOn)})`).join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="row-fields">
            {offset > 0 && <Link href={pageAt(Math.max(0, offset - PAGE))}>{t("registry.previous")}</Link>}
            {offset + PAGE < page.total && <Link href={pageAt(offset + PAGE)}>{t("registry.next")}</Link>}
          </p>
        </section>
      )}
    </>
  );
}
