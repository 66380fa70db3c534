import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { ReachSummary } from "@/components/beneficiaries/reach-summary";
import { ChartFrame } from "@/components/charts/chart-frame";
import { IndicatorCharts } from "@/components/charts/indicator-charts";
import { Downloads } from "@/components/exports/downloads";
import { ProjectMap } from "@/components/maps/project-map";
import { ResultsFramework } from "@/components/indicators/results-framework";
import { ProjectOverview } from "@/components/projects/project-overview";
import { listDimensions } from "@/db/framework/framework-editing";
import { seesIndividualRecords } from "@/db/registry/beneficiary-records";
import { listPeriodStates, type PeriodState } from "@/db/figures/approved-periods";
import { getProjectDashboard } from "@/db/figures/project-dashboard";
import { listProjectManagers } from "@/db/users/user-admin";
import type { ProjectOverview as ProjectOverviewData } from "@/db/projects/projects";
import { getReach, getReachByLocation } from "@/db/registry/registry";
import { trainingsAsSeen } from "@/db/trainings/trainings";
import { listIndicatorDisaggregations, listResults } from "@/db/framework/results-framework";
import { may, seesUnapprovedFigures, type QueryContext } from "@/db/users/viewer";
import { formatDate, formatNumber, formatPeriod, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { FREQUENCY_PERIOD_TYPE, periodsBetween } from "@/lib/periods/period";
import { countPeopleTrained } from "@/lib/trainings/people-trained";
import { loadProject } from "../load-project";
import { periodSchema } from "@/lib/periods/period-schema";

/**
 * The periods a donor report is offered for: ended ones, approved ones only for donors, the others
 * marked as drafts; the latest approved first for donors, the latest ended for everyone else.
 */
function reportChoices(states: readonly PeriodState[], reviewer: boolean): { periods: { period: string; draft: boolean }[]; period: string } {
  const periods = states.filter((p) => reviewer || p.state === "approved").map((p) => ({ period: p.period, draft: p.state !== "approved" }));
  return { periods, period: periods.at(-1)?.period ?? "" };
}

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The dashboard's filters, kept in the URL so that a link shows the same view. */
const filtersSchema = z.object({
  view: z.enum(["approved", "all"]).catch("all"),
  indicator: z.string().max(32).optional().catch(undefined),
  from: periodSchema.optional().catch(undefined),
  to: periodSchema.optional().catch(undefined),
  location: z.string().max(64).optional().catch(undefined),
  option: z
    .string()
    .regex(/^[a-z0-9_]+=[a-z0-9_]+$/)
    .optional()
    .catch(undefined),
  status: z.enum(["on_track", "at_risk", "off_track", "not_due", "no_data"]).optional().catch(undefined),
});
type Filters = z.infer<typeof filtersSchema>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { overview } = await loadProject((await params).code);
  const { language } = await getTranslator();
  return { title: overview ? localized(language, overview.project.titleEn, overview.project.titleFr) : undefined };
}

async function Beneficiaries({ ctx, overview, approvedOnly }: { ctx: QueryContext; overview: ProjectOverviewData; approvedOnly: boolean }) {
  const { t, language } = await getTranslator();
  const { project, country, locations } = overview;
  const byPlace = await getReachByLocation(ctx, project.id, { approvedOnly });
  const points = locations.flatMap((l) =>
    l.latitude === null || l.longitude === null || !byPlace.has(l.id)
      ? []
      : [{ code: l.code, name: localized(language, l.nameEn, l.nameFr), latitude: l.latitude, longitude: l.longitude, value: byPlace.get(l.id) ?? 0 }],
  );
  const title = t("dashboard.mapTitle");
  const trainings = await trainingsAsSeen(ctx, [project.id], { approvedOnly });
  const trained = countPeopleTrained(trainings);
  return (
    <>
      <ReachSummary words={{ t, language }} reach={await getReach(ctx, [project.id], { approvedOnly })} />
      {trained.trainers > 0 && (
        <p>
          <strong>{t("dashboard.trainedCascade", { trainers: trained.trainers, trainees: trained.trainees })}</strong>
        </p>
      )}
      {points.length > 0 && (
        <ChartFrame
          id={`map-${project.code}`}
          title={title}
          description={t("dashboard.mapDescription")}
          header={[t("dashboard.place"), t("dashboard.beneficiaries")]}
          rows={points.map((p) => [p.name, formatNumber(language, p.value)])}
          csvRows={points.map((p) => [p.name, p.value])}
          tableLabel={t("dashboard.table")}
          csvLabel={t("dashboard.csv")}
        >
          <ProjectMap countryCode={country.countryCode} points={points} title={title} format={(n) => formatNumber(language, n)} />
        </ChartFrame>
      )}
    </>
  );
}

async function Dashboard({ ctx, overview, approvedOnly, filters }: { ctx: QueryContext; overview: ProjectOverviewData; approvedOnly: boolean; filters: Filters }) {
  const { t, language } = await getTranslator();
  const { project } = overview;
  const today = new Date().toISOString().slice(0, 10);
  const dashboard = await getProjectDashboard(ctx, project, {
    approvedOnly,
    indicatorCode: filters.indicator,
    from: filters.from,
    to: filters.to,
    location: filters.location,
    disaggregation: filters.option,
    today,
  });
  // Donors read "awaiting approval"; whoever sees figures in progress reads where the period stands (draft, submitted, returned).
  const periodStateName = ({ period, state }: PeriodState) => {
    const status = state === "awaiting_approval" ? dashboard.workflow?.[period] : undefined;
    return status ? t(`entry.statusName.${status}`) : state === "approved" ? t("entry.statusName.approved") : t(`dashboard.gap.${state}`);
  };
  const periods = periodsBetween(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency]);
  const shown = filters.status ? dashboard.indicators.filter((i) => i.status === filters.status) : dashboard.indicators;
  const dimensions = await listDimensions(ctx);
  const optionNames = new Map<string, string>(dimensions.flatMap((d) => d.options.map((o) => [`${d.code}=${o.code}`, localized(language, o.nameEn, o.nameFr)] as const)));
  // The breakdowns the project's indicators have, for the filter: "Sex: Female", in the framework's order.
  const used = new Set([...(await listIndicatorDisaggregations(ctx, project.id)).values()].flat().flatMap((d) => d.options.map((o) => `${d.dimension}=${o}`)));
  const breakdowns = dimensions.flatMap((d) =>
    d.options
      .filter((o) => used.has(`${d.code}=${o.code}`))
      .map((o) => ({
        key: `${d.code}=${o.code}`,
        label: t("entry.optionLabel", { dimension: localized(language, d.nameEn, d.nameFr), option: localized(language, o.nameEn, o.nameFr) }),
      })),
  );
  const place = overview.locations.find((l) => l.code === filters.location);
  const filterLabel = [
    place ? localized(language, place.nameEn, place.nameFr) : null,
    filters.option ? (breakdowns.find((b) => b.key === filters.option)?.label ?? filters.option) : null,
  ]
    .filter((part) => part !== null)
    .join(" · ");
  const base = `/projects/${encodeURIComponent(project.code)}`;
  return (
    <>
      <p className="muted small">
        {dashboard.latestApproved
          ? t("dashboard.latestApproved", {
              period: formatPeriod(language, dashboard.latestApproved.period),
              date: dashboard.latestApproved.at ? formatDate(language, dashboard.latestApproved.at) : "—",
            })
          : t("dashboard.noApproved")}
      </p>
      {dashboard.periods.length > 0 && (
        <ul className="period-states" aria-label={t("tasks.periods")}>
          {dashboard.periods.map((periodState) => (
            <li key={periodState.period}>
              <span className={`badge badge-period-${periodState.state}`}>
                {t("dashboard.periodState", { period: formatPeriod(language, periodState.period), state: periodStateName(periodState) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form method="get" action={base} className="filters" aria-label={t("dashboard.filters")}>
        {approvedOnly && seesUnapprovedFigures(ctx.viewer) && <input type="hidden" name="view" value="approved" />}
        {dashboard.detail && (
          <label>
            {t("dashboard.chooseIndicator")}
            <select name="indicator" defaultValue={dashboard.detail.indicator.code}>
              {dashboard.indicators.map((i) => (
                <option key={i.indicator.id} value={i.indicator.code}>
                  {i.indicator.code} {localized(language, i.indicator.nameEn, i.indicator.nameFr)}
                </option>
              ))}
            </select>
          </label>
        )}
        {(["from", "to"] as const).map((bound) => (
          <label key={bound}>
            {t(`dashboard.${bound}`)}
            <select name={bound} defaultValue={filters[bound] ?? ""}>
              <option value="">{t("portfolio.any")}</option>
              {periods.map((p) => (
                <option key={p} value={p}>
                  {formatPeriod(language, p)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          {t("dashboard.place")}
          <select name="location" defaultValue={filters.location ?? ""}>
            <option value="">{t("portfolio.any")}</option>
            {overview.locations.map((l) => (
              <option key={l.code} value={l.code}>
                {localized(language, l.nameEn, l.nameFr)}
              </option>
            ))}
          </select>
        </label>
        {breakdowns.length > 0 && (
          <label>
            {t("dashboard.option")}
            <select name="option" defaultValue={filters.option ?? ""}>
              <option value="">{t("entry.total")}</option>
              {breakdowns.map((b) => (
                <option key={b.key} value={b.key}>
                  {b.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t("dashboard.status")}
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("portfolio.any")}</option>
            {(["on_track", "at_risk", "off_track", "not_due", "no_data"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`dashboard.statusName.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t("dashboard.show")}</button>
      </form>
      {filters.to && <p className="note">{t("dashboard.asOf", { period: formatPeriod(language, filters.to) })}</p>}
      {filterLabel && <p className="note">{t("dashboard.filteredBy", { filter: filterLabel })}</p>}
      <ResultsFramework
        words={{ t, language }}
        results={await listResults(ctx, project.id)}
        figures={shown}
        filtered={filters.status !== undefined}
        filterLabel={filterLabel || undefined}
      />
      {dashboard.detail && (
        <section aria-labelledby="charts-heading">
          <h2 id="charts-heading" className="visually-hidden">
            {t("dashboard.charts")}
          </h2>
          {dashboard.detail.fromRecords ? (
            <p className="note">{t("dashboard.chartsFromRecords", { indicator: dashboard.detail.indicator.code })}</p>
          ) : (
            <>
              {filters.option && <p className="note">{t("dashboard.chartsOfOption", { option: breakdowns.find((b) => b.key === filters.option)?.label ?? filters.option })}</p>}
              {place && <p className="note">{t("dashboard.chartsOfPlace", { place: localized(language, place.nameEn, place.nameFr) })}</p>}
            </>
          )}
          <IndicatorCharts words={{ t, language }} detail={dashboard.detail} optionNames={optionNames} />
        </section>
      )}
    </>
  );
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { ctx, overview } = await loadProject((await params).code);
  if (!overview) notFound();
  const { t, language } = await getTranslator();
  const filters = filtersSchema.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, typeof v === "string" ? v : undefined])));
  const { project } = overview;
  const reviewer = seesUnapprovedFigures(ctx.viewer);
  const approvedOnly = !reviewer || filters.view === "approved";
  const base = `/projects/${encodeURIComponent(project.code)}`;
  const withIndicator = filters.indicator ? `indicator=${encodeURIComponent(filters.indicator)}` : "";
  const periodStates = await listPeriodStates(ctx, project, new Date().toISOString().slice(0, 10));
  return (
    <>
      <ProjectOverview
        words={{ t, language }}
        overview={overview}
        showEntryLink={reviewer}
        canEdit={await may(ctx, "manage_framework", project.id)}
        managers={await listProjectManagers(ctx, project.id)}
      />
      <section className="card" aria-labelledby="beneficiaries">
        <h2 id="beneficiaries">{t("project.beneficiaries.title")}</h2>
        <p>
          <Link href={`${base}/beneficiaries`}>{t("registry.link")}</Link>
          {" · "}
          <Link href={`${base}/trainings`}>{t("trainings.link")}</Link>
        </p>
        <Suspense fallback={<p className="muted">{t("common.loading")}</p>}>
          <Beneficiaries ctx={ctx} overview={overview} approvedOnly={approvedOnly} />
        </Suspense>
      </section>
      <section className="card" aria-labelledby="framework">
        <h2 id="framework">{t("project.framework.title")}</h2>
        {reviewer && (
          <p className="view-toggle" role="group" aria-label={t("project.framework.title")}>
            <Link href={`${base}${withIndicator ? `?${withIndicator}` : ""}`} aria-current={approvedOnly ? undefined : "true"}>
              {t("dashboard.viewAll")}
            </Link>
            <Link href={`${base}?view=approved${withIndicator ? `&${withIndicator}` : ""}`} aria-current={approvedOnly ? "true" : undefined}>
              {t("dashboard.viewApproved")}
            </Link>
          </p>
        )}
        <Suspense fallback={<p className="muted">{t("common.loading")}</p>}>
          <Dashboard ctx={ctx} overview={overview} approvedOnly={approvedOnly} filters={filters} />
        </Suspense>
      </section>
      <Downloads
        words={{ t, language }}
        base={`/api/v1/projects/${encodeURIComponent(project.code)}`}
        approvedOnly={approvedOnly}
        records={await seesIndividualRecords(ctx, project.id)}
        report={reportChoices(periodStates, reviewer)}
        iatiLabel={t("iati.button")}
      />
    </>
  );
}
