import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { z } from "zod";
import { DateRange } from "@/components/ui/date-range";
import { StatusBadge } from "@/components/ui/status-badge";
import { getPortfolio, type PortfolioProject } from "@/db/figures/portfolio";
import { requireUser } from "@/server/auth/session";
import { PROJECT_STATUSES } from "@/lib/domain/codes";
import { formatActual, formatMeasureValue } from "@/lib/i18n/format-figure";
import { formatNumber, formatRatio, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { readPortfolioFilters } from "@/lib/validation/portfolio-filters";
import { MyTasks } from "./my-tasks";
import { allows } from "@/lib/auth/permissions";

const GROUPS_PER_PAGE = 12;
const pageSchema = z.coerce.number().int().min(1).catch(1);

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("portfolio.title") };
}

export default async function PortfolioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  // The filters live in the URL, so that a link shows the same view.
  const params = await searchParams;
  const filters = readPortfolioFilters(params);
  const portfolio = await getPortfolio({ viewer: user }, filters);
  const n = (value: number | null) => (value === null ? t("common.none") : formatNumber(language, value));
  const groups = new Map<string, PortfolioProject[]>();
  for (const project of portfolio.projects) {
    const key = project.programmeCode ?? "";
    groups.set(key, [...(groups.get(key) ?? []), project]);
  }
  const { reach, trained, activeProjects } = portfolio.headline;
  // A headquarters sees hundreds of programmes: they come a page at a time, the figures above count them all.
  const pages = Math.max(1, Math.ceil(groups.size / GROUPS_PER_PAGE));
  const page = Math.min(pages, pageSchema.parse(params.page));
  const shown = [...groups].slice((page - 1) * GROUPS_PER_PAGE, page * GROUPS_PER_PAGE);
  const pageLink = (target: number) => `/?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)), page: String(target) })}`;

  return (
    <>
      <h1>{t("portfolio.title")}</h1>
      <p className="muted">
        {t("portfolio.intro")} {portfolio.approvedOnly ? t("project.approvedOnly") : t("project.includesUnapproved")}
      </p>
      {allows(user, "create_project") && (
        <p>
          <Link href="/projects/new">{t("projectForm.new")}</Link>
        </p>
      )}
      <Suspense fallback={<p className="muted">{t("common.loading")}</p>}>
        <MyTasks ctx={{ viewer: user }} />
      </Suspense>
      <section className="card" aria-labelledby="headline">
        <h2 id="headline">{t("portfolio.headline", { count: portfolio.projects.length })}</h2>
        <div className="figures">
          {(
            [
              [t("portfolio.uniqueDirect"), reach.uniqueDirect],
              [t("portfolio.indirect"), reach.indirect],
              [t("portfolio.trainees"), trained.trainees],
              [t("portfolio.trainers"), trained.trainers],
              [t("portfolio.activeProjects"), activeProjects],
            ] as const
          ).map(([label, value]) => (
            <div className="figure" key={label}>
              <span className="figure-value">{n(value)}</span>
              <span className="figure-label">{label}</span>
            </div>
          ))}
        </div>
        <p className="muted small">{t("portfolio.countedOnce")}</p>
        <p className="small">
          <a href="/api/v1/data-values/export.csv" download>
            {t("export.button.allValues")}
          </a>{" "}
          <a
            href="/api/v1/data-values/export.csv?delimiter=semicolon"
            download
            aria-label={t("common.labelled", { label: t("export.button.allValues"), value: t("export.button.semicolon") })}
          >
            ({t("export.button.semicolon")})
          </a>
        </p>
      </section>
      <form className="card filters" method="get" aria-label={t("portfolio.filters")}>
        <label>
          {t("portfolio.country")}
          <select name="country" defaultValue={filters.country ?? ""}>
            <option value="">{t("portfolio.any")}</option>
            {portfolio.choices.countries.map((c) => (
              <option key={c} value={c}>
                {new Intl.DisplayNames([language], { type: "region" }).of(c) ?? c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("portfolio.donor")}
          <select name="donor" defaultValue={filters.donor ?? ""}>
            <option value="">{t("portfolio.any")}</option>
            {portfolio.choices.donors.map((d) => (
              <option key={d.code} value={d.code}>
                {localized(language, d.nameEn, d.nameFr)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("portfolio.status")}
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("portfolio.any")}</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("portfolio.apply")}</button>
      </form>
      {portfolio.projects.length === 0 && <p>{t("portfolio.empty")}</p>}
      {pages > 1 && <p className="muted">{t("portfolio.pageOf", { page, pages, groups: groups.size })}</p>}
      {shown.map(([programmeCode, list]) => {
        const first = list[0];
        const heading = programmeCode && first ? localized(language, first.programmeTitleEn ?? "", first.programmeTitleFr) : t("portfolio.otherProjects");
        return (
          <section key={programmeCode} aria-labelledby={`programme-${programmeCode || "none"}`} className="card">
            <h2 id={`programme-${programmeCode || "none"}`}>{heading}</h2>
            {programmeCode && (
              <p>
                <Link href={`/programmes/${encodeURIComponent(programmeCode)}`}>
                  {t("portfolio.programmeOverview")} ({programmeCode})
                </Link>
              </p>
            )}
            <div className="table-scroll">
              <table className="stack-on-phone">
                <thead>
                  <tr>
                    <th scope="col">{t("portfolio.project")}</th>
                    <th scope="col">{t("portfolio.status")}</th>
                    <th scope="col">{t("portfolio.dates")}</th>
                    <th scope="col">{t("portfolio.mainTarget")}</th>
                    <th scope="col" className="num">
                      {t("portfolio.progress")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((project) => (
                    <tr key={project.id}>
                      <th scope="row">
                        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
                        <span className="hint">
                          {project.code}
                          {project.donors.length > 0 && ` · ${project.donors.map((d) => localized(language, d.nameEn, d.nameFr)).join(", ")}`}
                        </span>
                      </th>
                      <td data-label={t("portfolio.status")}>
                        <StatusBadge words={{ t, language }} status={project.status} />
                      </td>
                      <td data-label={t("portfolio.dates")}>
                        <DateRange words={{ t, language }} start={project.startDate} end={project.endDate} />
                      </td>
                      <td data-label={t("portfolio.mainTarget")}>
                        {project.main ? (
                          <>
                            {t("common.label", { label: localized(language, project.main.indicator.nameEn, project.main.indicator.nameFr) })}{" "}
                            {project.main.actual ? formatActual(language, project.main.actual) : t("common.none")} /{" "}
                            {formatMeasureValue(language, project.main.indicator.measure, project.main.indicator.target ?? 0)}
                          </>
                        ) : (
                          t("common.none")
                        )}
                      </td>
                      <td className="num" data-label={t("portfolio.progress")}>
                        {project.main?.progress === null || !project.main ? (
                          t("common.none")
                        ) : (
                          <span className="progress">
                            <meter min={0} max={1} value={Math.min(1, project.main.progress)} aria-hidden="true" /> {formatRatio(language, project.main.progress)}
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      {pages > 1 && (
        <nav className="pager" aria-label={t("portfolio.pages")}>
          {page > 1 && <Link href={pageLink(page - 1)}>{t("portfolio.previous")}</Link>}
          {page < pages && <Link href={pageLink(page + 1)}>{t("portfolio.next")}</Link>}
        </nav>
      )}
    </>
  );
}
