import type { Metadata } from "next";
import Link from "next/link";
import { listProjects, type ProjectListItem } from "@/db/queries/projects";
import { requireUser } from "@/lib/auth/session";
import { DateRange } from "@/components/ui/date-range";
import { StatusBadge } from "@/components/ui/status-badge";
import { localized } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("portfolio.title") };
}

export default async function PortfolioPage() {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  const projects = listProjects({ viewer: user });
  const groups = new Map<string, ProjectListItem[]>();
  for (const project of projects) {
    const key = project.programmeCode ?? "";
    groups.set(key, [...(groups.get(key) ?? []), project]);
  }

  return (
    <>
      <h1>{t("portfolio.title")}</h1>
      <p className="muted">{t("portfolio.intro")}</p>
      {user.role === "admin" && (
        <p>
          <Link href="/projects/new">{t("projectForm.new")}</Link>
        </p>
      )}
      {projects.length === 0 && <p>{t("portfolio.empty")}</p>}
      {[...groups].map(([programmeCode, list]) => {
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
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("portfolio.code")}</th>
                    <th scope="col">{t("portfolio.project")}</th>
                    <th scope="col">{t("portfolio.status")}</th>
                    <th scope="col">{t("portfolio.dates")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((project) => (
                    <tr key={project.id}>
                      <td>{project.code}</td>
                      <td>
                        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
                      </td>
                      <td>
                        <StatusBadge status={project.status} />
                      </td>
                      <td>
                        <DateRange start={project.startDate} end={project.endDate} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
