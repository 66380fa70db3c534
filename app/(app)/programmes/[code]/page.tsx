import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import type { Reach } from "@/lib/beneficiaries/reach";
import { formatActual } from "@/lib/i18n/format-figure";
import { HorizontalBarChart } from "@/components/charts/bar-chart";
import { ChartFrame } from "@/components/charts/chart-frame";
import { Downloads } from "@/components/exports/downloads";
import { DateRange } from "@/components/ui/date-range";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatList, formatNumber, formatPhase, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { loadProgramme } from "./load-programme";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const summary = await loadProgramme((await params).code);
  const { language } = await getTranslator();
  return { title: summary ? localized(language, summary.programme.titleEn, summary.programme.titleFr) : undefined };
}

export default async function ProgrammePage({ params }: Props) {
  const summary = await loadProgramme((await params).code);
  if (!summary) notFound();
  const { t, language } = await getTranslator();
  const { programme, phases, reach, completed, outcomes } = summary;
  const phaseLabel = (p: { phase: number | null; code: string }) => (p.phase === null ? p.code : t("portfolio.phase", { phase: formatPhase(p.phase) }));
  const n = (value: number | null) => (value === null ? t("common.none") : formatNumber(language, value));
  const totalRow = (label: string, r: Reach) => (
    <tr className="total">
      <th scope="row" colSpan={3}>
        {label}
      </th>
      <td className="num">{n(r.uniqueDirect)}</td>
      <td className="num">{n(r.indirect)}</td>
    </tr>
  );
  // The figures cover the phases this reader sees (a donor, those it funds): the heading names them.
  const seen = formatList(language, phases.map(({ project }) => (project.phase === null ? project.code : formatPhase(project.phase))));
  const since = phases.map(({ project }) => project.startDate).sort()[0]?.slice(0, 4) ?? "";

  return (
    <>
      <section className="card" aria-labelledby="programme-title">
        <p className="eyebrow">
          <Link href="/">{t("project.breadcrumb")}</Link>
        </p>
        <h1 id="programme-title">{localized(language, programme.titleEn, programme.titleFr)}</h1>
        <p className="code">{programme.code}</p>
        {programme.summaryEn && <p>{localized(language, programme.summaryEn, programme.summaryFr)}</p>}
        <p className="muted small">{phases[0]?.figures[0]?.includesUnapproved === false ? t("project.approvedOnly") : t("project.includesUnapproved")}</p>
      </section>

      <section className="card" aria-labelledby="phases">
        <h2 id="phases">{t("programme.totals", { count: phases.length, phases: seen, year: since })}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("programme.phase")}</th>
                <th scope="col">{t("portfolio.status")}</th>
                <th scope="col">{t("portfolio.dates")}</th>
                <th scope="col" className="num">
                  {t("programme.direct")}
                </th>
                <th scope="col" className="num">
                  {t("programme.indirect")}
                </th>
              </tr>
            </thead>
            <tbody>
              {phases.map(({ project, reach: phaseReach }) => (
                <tr key={project.id}>
                  <th scope="row">
                    <Link href={`/projects/${encodeURIComponent(project.code)}`}>
                      {phaseLabel(project)} ({project.code})
                    </Link>
                  </th>
                  <td>
                    <StatusBadge words={{ t, language }} status={project.status} />
                  </td>
                  <td>
                    <DateRange words={{ t, language }} start={project.startDate} end={project.endDate} />
                  </td>
                  <td className="num">{n(phaseReach.uniqueDirect)}</td>
                  <td className="num">{n(phaseReach.indirect)}</td>
                </tr>
              ))}
            </tbody>
            {phases.length > 1 && (
              <tfoot>
                {completed && completed.phases.length < phases.length &&
                  totalRow(t("programme.completedPhases", { phases: formatList(language, completed.phases.map(formatPhase)) }), completed.reach)}
                {totalRow(t("programme.allPhases", { phases: seen }), reach)}
              </tfoot>
            )}
          </table>
        </div>
        <p className="muted small">{t("programme.totalsNote")}</p>
        <ChartFrame
          id={`phases-${programme.code}`}
          title={t("dashboard.phasesTitle")}
          description={t("dashboard.phasesDescription")}
          header={[t("programme.phase"), t("programme.direct"), t("programme.indirect")]}
          rows={phases.map(({ project, reach: r }) => [phaseLabel(project), n(r.uniqueDirect), n(r.indirect)])}
          csvRows={phases.map(({ project, reach: r }) => [phaseLabel(project), r.uniqueDirect, r.indirect])}
          tableLabel={t("dashboard.table")}
          csvLabel={t("dashboard.csv")}
        >
          <HorizontalBarChart locale={language === "fr" ? "fr-FR" : "en-GB"} data={phases.map(({ project, reach: r }) => ({ label: phaseLabel(project), value: r.uniqueDirect }))} />
        </ChartFrame>
      </section>

      <section className="card" aria-labelledby="outcomes">
        <h2 id="outcomes">{t("programme.outcomes")}</h2>
        {outcomes.length === 0 ? (
          <p className="muted">{t("programme.noOutcomes")}</p>
        ) : (
          <div className="table-scroll">
            <table className="stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">{t("project.framework.indicator")}</th>
                  {phases.map(({ project }) => (
                    <th scope="col" className="num" key={project.id}>
                      {phaseLabel(project)}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t("programme.combined")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {outcomes.map(({ code, figure, combined }) => (
                  <tr key={code}>
                    <th scope="row">
                      <span className="code">{code}</span> {localized(language, figure.indicator.nameEn, figure.indicator.nameFr)}
                    </th>
                    {phases.map(({ project, figures }) => {
                      const actual = figures.find((f) => f.indicator.code === code)?.actual;
                      return (
                        <td className="num" key={project.id} data-label={phaseLabel(project)}>
                          {actual ? formatActual(language, actual) : t("common.none")}
                        </td>
                      );
                    })}
                    <td className="num" data-label={t("programme.combined")}>
                      <strong>{combined ? formatActual(language, combined) : t("common.none")}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Downloads words={{ t, language }} base={`/api/v1/programmes/${encodeURIComponent(programme.code)}`} approvedOnly={phases[0]?.figures[0]?.includesUnapproved === false} records={false} iatiLabel={t("iati.buttonProgramme")} />
    </>
  );
}
