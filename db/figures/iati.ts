import "server-only";
import { figureColumns } from "./values-table";
import { and, asc, eq, inArray } from "drizzle-orm";
import { decodeOptionKey } from "../../lib/disaggregation/option-key";
import type { IatiActivity, IatiIndicator, IatiOrganisation, IatiPeriod, IatiValue, Narratives } from "../../lib/iati/activity";
import { isRatioMeasure, sumFigures, type FigureParts } from "../../lib/indicators/actual";
import { translatorFor } from "../../lib/i18n/translator";
import { comparePeriods, periodEnd, periodStart } from "../../lib/periods/period";
import { approvedValues, indicators, indicatorTargets, projectBudgets, projectSectors, results, type Indicator, type Programme, type Project } from "../tables";
import { getProjectOverview, type ProjectOverview } from "../projects/projects";
import { dbOf, type QueryContext } from "../users/viewer";

// Baseline's projects as IATI activities. Only approved figures are published, and places only at
// district or territory level: a displacement site is never named.

const PUBLISHED_LEVELS = new Set(["district", "territory"]);
const RESULT_TYPE = { output: "1", outcome: "2", impact: "3" } as const;
const ROLE = { funding: "1", accountable: "2", implementing: "4" } as const;

/** What keeps a project from being published, each a message code under "iati". */
export type IatiProblem = "no_reporting_org" | "no_sector" | "sectors_not_100";

const narratives = (en: string, fr: string | null): Narratives => ({ en, fr });

/** The reporting organisation: the accountable one with an IATI identifier, else the implementing one. */
function reportingOrg(overview: ProjectOverview): (IatiOrganisation & { ref: string }) | null {
  const withRef = (role: string) => overview.organisations.find((o) => o.role === role && o.organisation.iatiRef !== null)?.organisation;
  const org = withRef("accountable") ?? withRef("implementing");
  return org?.iatiRef ? { ref: org.iatiRef, type: org.iatiType, name: narratives(org.nameEn, org.nameFr) } : null;
}

function participating(overview: ProjectOverview): IatiActivity["participating"] {
  return overview.organisations.flatMap(({ role, organisation: o }) =>
    role in ROLE ? [{ role: ROLE[role as keyof typeof ROLE], ref: o.iatiRef, type: o.iatiType, name: narratives(o.nameEn, o.nameFr) }] : [],
  );
}

function activityStatus(project: Pick<Project, "status" | "closedAt">): IatiActivity["status"] {
  if (project.status === "pipeline") return "1";
  if (project.status === "active") return "2";
  return project.closedAt ? "4" : "3";
}

/** Planned dates always; actual ones only once they have passed. */
function activityDates(start: string, end: string, status: IatiActivity["status"], today: string): IatiActivity["dates"] {
  return [
    { type: "1" as const, date: start },
    ...(status !== "1" && start <= today ? [{ type: "2" as const, date: start }] : []),
    { type: "3" as const, date: end },
    ...((status === "3" || status === "4") && end <= today ? [{ type: "4" as const, date: end }] : []),
  ];
}

/** Budgets of at most one year each: a calendar year cut to the activity's dates. */
function yearlyBudgets(rows: readonly { year: number; amount: number }[], start: string, end: string): IatiActivity["budgets"] {
  const byYear = new Map<number, number>();
  for (const row of rows) byYear.set(row.year, (byYear.get(row.year) ?? 0) + row.amount);
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .flatMap(([year, value]) => {
      const from = `${year}-01-01` < start ? start : `${year}-01-01`;
      const to = `${year}-12-31` > end ? end : `${year}-12-31`;
      return from <= to ? [{ start: from, end: to, value }] : [];
    });
}

function publishedLocations(overview: ProjectOverview): IatiActivity["locations"] {
  return overview.locations
    .filter((l) => PUBLISHED_LEVELS.has(l.level))
    .map((l) => ({ ref: l.code, name: narratives(l.nameEn, l.nameFr), latitude: l.latitude, longitude: l.longitude }));
}

function checkPublishable(org: unknown, sectors: readonly { percentage: number }[]): IatiProblem[] {
  const problems: IatiProblem[] = [];
  if (!org) problems.push("no_reporting_org");
  if (sectors.length === 0) problems.push("no_sector");
  else if (Math.abs(sectors.reduce((s, x) => s + x.percentage, 0) - 100) > 0.001) problems.push("sectors_not_100");
  return problems;
}

type ApprovedRow = FigureParts & { indicatorId: number; period: string; locationId: number; disaggregation: string };

/** A figure as IATI writes it: a number, or a percentage 0-100 from the summed parts. Null when nothing adds up. */
function iatiValue(indicator: Indicator, rows: readonly ApprovedRow[]): number | null {
  const figure = sumFigures(indicator.measure, rows);
  return figure === null ? null : Number(figure.value.toFixed(2));
}

/** The approved actuals of one period: the total, then per published place, then per option across places. */
function periodActuals(indicator: Indicator, rows: readonly ApprovedRow[], places: ReadonlyMap<number, string>): IatiValue[] {
  const actuals: IatiValue[] = [];
  const totals = rows.filter((r) => r.disaggregation === "");
  const total = iatiValue(indicator, totals);
  if (total === null) return [];
  actuals.push({ value: total });
  for (const [locationId, ref] of places) {
    const value = iatiValue(
      indicator,
      totals.filter((r) => r.locationId === locationId),
    );
    if (value !== null) actuals.push({ value, locationRef: ref });
  }
  const keys = [...new Set(rows.filter((r) => r.disaggregation !== "").map((r) => r.disaggregation))].sort();
  for (const key of keys) {
    const options = decodeOptionKey(key);
    const value = iatiValue(
      indicator,
      rows.filter((r) => r.disaggregation === key),
    );
    if (options && value !== null) actuals.push({ value, dimensions: Object.entries(options).map(([name, option]) => ({ name, value: option })) });
  }
  return actuals;
}

function indicatorOf(
  indicator: Indicator,
  project: Project,
  rows: readonly ApprovedRow[],
  targets: readonly { period: string; value: number }[],
  places: ReadonlyMap<number, string>,
): IatiIndicator {
  const en = translatorFor("en");
  const fr = translatorFor("fr");
  const how = (t: typeof en) => t(indicator.timeAggregation === "cumulative" ? "iati.cumulative" : "iati.incremental");
  const describe = (definition: string | null, t: typeof en) => [definition, how(t)].filter(Boolean).join(" ");
  const periods = [...new Set([...rows.map((r) => r.period), ...targets.map((t) => t.period)])].sort(comparePeriods);
  const reporting: IatiPeriod[] = periods
    .map((period) => ({
      start: periodStart(period) < project.startDate ? project.startDate : periodStart(period),
      end: periodEnd(period) > project.endDate ? project.endDate : periodEnd(period),
      targets: targets.filter((t) => t.period === period).map((t) => ({ value: t.value })),
      actuals: periodActuals(
        indicator,
        rows.filter((r) => r.period === period),
        places,
      ),
    }))
    .filter((p) => p.targets.length > 0 || p.actuals.length > 0);
  // The life-of-project target, on a period that spans the project.
  const lifeOfProject: IatiPeriod[] = indicator.target === null ? [] : [{ start: project.startDate, end: project.endDate, targets: [{ value: indicator.target }], actuals: [] }];
  return {
    measure: isRatioMeasure(indicator.measure) ? "2" : "1",
    ascending: indicator.direction === "increase",
    aggregates: !isRatioMeasure(indicator.measure),
    title: narratives(`${indicator.code} ${indicator.nameEn}`, indicator.nameFr ? `${indicator.code} ${indicator.nameFr}` : null),
    description: narratives(describe(indicator.definitionEn, en), describe(indicator.definitionFr ?? null, fr)),
    baseline: indicator.baselineValue === null ? null : { year: indicator.baselineYear ?? Number(project.startDate.slice(0, 4)), value: indicator.baselineValue },
    periods: [...reporting, ...lifeOfProject],
  };
}

async function projectResults(ctx: QueryContext, overview: ProjectOverview): Promise<IatiActivity["results"]> {
  const db = dbOf(ctx);
  const { project } = overview;
  const list = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.projectId, project.id), eq(indicators.isContext, false)))
    .orderBy(asc(indicators.position));
  const ids = list.map((i) => i.id);
  const rows: ApprovedRow[] = await db.select(figureColumns(approvedValues)).from(approvedValues).where(eq(approvedValues.projectId, project.id));
  const targets = ids.length === 0 ? [] : await db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids));
  const places = new Map(overview.locations.filter((l) => PUBLISHED_LEVELS.has(l.level)).map((l) => [l.id, l.code]));
  return (await db.select().from(results).where(eq(results.projectId, project.id)).orderBy(asc(results.position)))
    .map((result) => ({
      type: RESULT_TYPE[result.type],
      title: narratives(`${result.code} ${result.titleEn}`, result.titleFr ? `${result.code} ${result.titleFr}` : null),
      indicators: list
        .filter((i) => i.resultId === result.id)
        .map((i) =>
          indicatorOf(
            i,
            project,
            rows.filter((r) => r.indicatorId === i.id),
            targets.filter((t) => t.indicatorId === i.id),
            places,
          ),
        ),
    }))
    .filter((r) => r.indicators.length > 0);
}

const identifierOf = (reportingRef: string, code: string) => `${reportingRef}-${code}`;

export type IatiOutcome = { kind: "activities"; activities: IatiActivity[] } | { kind: "not_found" } | { kind: "not_publishable"; code: string; problems: IatiProblem[] };

/** A visible project as one activity, linked to its programme when it is a phase of one. */
export async function getProjectActivity(ctx: QueryContext, ref: string | number, now: Date): Promise<IatiOutcome> {
  const overview = await getProjectOverview(ctx, ref);
  if (!overview) return { kind: "not_found" };
  const built = await projectActivity(ctx, overview, now);
  return "problems" in built ? { kind: "not_publishable", code: overview.project.code, problems: built.problems } : { kind: "activities", activities: [built] };
}

async function projectActivity(ctx: QueryContext, overview: ProjectOverview, now: Date): Promise<IatiActivity | { problems: IatiProblem[] }> {
  const db = dbOf(ctx);
  const { project, country, programme } = overview;
  const org = reportingOrg(overview);
  const sectors = await db
    .select({ code: projectSectors.code, percentage: projectSectors.percentage })
    .from(projectSectors)
    .where(eq(projectSectors.projectId, project.id))
    .orderBy(asc(projectSectors.code));
  const problems = checkPublishable(org, sectors);
  if (problems.length > 0 || !org) return { problems };
  const status = activityStatus(project);
  const today = now.toISOString().slice(0, 10);
  return {
    identifier: identifierOf(org.ref, project.code),
    hierarchy: programme ? 2 : 1,
    reportingOrg: org,
    title: narratives(project.titleEn, project.titleFr),
    description: project.summaryEn ? narratives(project.summaryEn, project.summaryFr) : null,
    participating: participating(overview),
    status,
    dates: activityDates(project.startDate, project.endDate, status, today),
    recipientCountry: country.countryCode,
    locations: publishedLocations(overview),
    sectors,
    currency: project.currency,
    budgets: yearlyBudgets(await db.select().from(projectBudgets).where(eq(projectBudgets.projectId, project.id)), project.startDate, project.endDate),
    related: programme ? [{ type: "1", ref: identifierOf(org.ref, programme.code) }] : [],
    results: await projectResults(ctx, overview),
    lastUpdated: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

/**
 * A programme as a parent activity with its visible phases as children. The parent carries what is
 * common (organisations, places, budgets added up by year, the sectors of its latest phase); the
 * results are the phases'.
 */
export async function getProgrammeActivities(ctx: QueryContext, programme: Programme, phases: readonly Project[], now: Date): Promise<IatiOutcome> {
  const overviews = (await Promise.all(phases.map((p) => getProjectOverview(ctx, p.id)))).flatMap((o) => o ?? []);
  const children = await Promise.all(overviews.map((o) => projectActivity(ctx, o, now)));
  const problems = [...new Set(children.flatMap((c) => ("problems" in c ? c.problems : [])))];
  const built = children.filter((c): c is IatiActivity => !("problems" in c));
  const latest = built.at(-1);
  const first = overviews[0];
  if (problems.length > 0 || !latest || !first) return { kind: "not_publishable", code: programme.code, problems };
  const start = programme.startDate ?? phases.map((p) => p.startDate).sort()[0] ?? first.project.startDate;
  const end =
    phases
      .map((p) => p.endDate)
      .sort()
      .at(-1) ?? first.project.endDate;
  const status = built.some((c) => c.status === "2") ? "2" : built.every((c) => c.status === "1") ? "1" : built.every((c) => c.status === "4") ? "4" : "3";
  const identifier = identifierOf(latest.reportingOrg.ref, programme.code);
  const seen = new Set<string>();
  const parent: IatiActivity = {
    identifier,
    hierarchy: 1,
    reportingOrg: latest.reportingOrg,
    title: narratives(programme.titleEn, programme.titleFr),
    description: programme.summaryEn ? narratives(programme.summaryEn, programme.summaryFr) : null,
    participating: built
      .flatMap((c) => c.participating)
      .filter((p) => {
        const key = `${p.role}|${p.ref ?? p.name.en}`;
        return seen.has(key) ? false : (seen.add(key), true);
      }),
    status,
    dates: activityDates(start, end, status, now.toISOString().slice(0, 10)),
    recipientCountry: first.country.countryCode,
    locations: [...new Map(built.flatMap((c) => c.locations).map((l) => [l.ref, l])).values()],
    sectors: latest.sectors,
    currency: latest.currency,
    budgets: yearlyBudgets(
      await dbOf(ctx)
        .select()
        .from(projectBudgets)
        .where(
          inArray(
            projectBudgets.projectId,
            phases.map((p) => p.id),
          ),
        ),
      start,
      end,
    ),
    related: built.map((c) => ({ type: "2" as const, ref: c.identifier })),
    results: [],
    lastUpdated: latest.lastUpdated,
  };
  return { kind: "activities", activities: [parent, ...built] };
}
