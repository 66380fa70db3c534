import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { listReportingPeriods } from "@/db/data-entry/entry-sheet";
import { listChangesSinceApproval } from "@/db/data-entry/project-periods";
import { seesUnapprovedFigures } from "@/db/users/viewer";
import { formatDate, formatPeriod, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { loadProject } from "../load-project";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("entry.title") };
}

export default async function EntryPeriodsPage({ params }: Props) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview || !seesUnapprovedFigures(ctx.viewer)) notFound();
  const { t, language } = await getTranslator();
  const { project } = overview;
  const periods = await listReportingPeriods(ctx, project, new Date().toISOString().slice(0, 10));
  const changes = await listChangesSinceApproval(ctx, project);
  return (
    <section className="card" aria-labelledby="periods">
      <p className="eyebrow">
        <Link href={`/projects/${encodeURIComponent(project.code)}`}>{localized(language, project.titleEn, project.titleFr)}</Link>
      </p>
      <h1 id="periods">{t("common.labelled", { label: t("entry.title"), value: t("entry.periods") })}</h1>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("entry.period")}</th>
              <th scope="col">{t("entry.status")}</th>
              <th scope="col" />
              <th scope="col">{t("entry.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map(({ period, state }) => (
              <tr key={period}>
                <th scope="row">
                  <Link href={`/projects/${encodeURIComponent(project.code)}/entry/${period}`}>{formatPeriod(language, period)}</Link>
                </th>
                <td>
                  <span className={`badge badge-period-${state.status}`}>{t(`entry.statusName.${state.status}`)}</span>
                </td>
                <td className="muted small">
                  {state.status === "not_reported" && state.comment
                    ? t("entry.notReportedBecause", { comment: state.comment })
                    : state.submittedByName && state.submittedAt
                      ? t("entry.submittedBy", { name: state.submittedByName, date: formatDate(language, state.submittedAt) })
                      : ""}
                </td>
                <td className="small">
                  {changes.has(period) ? <span className="badge badge-changed">{t("entry.changesShort", changes.get(period) ?? { added: 0, changed: 0 })}</span> : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
