import "server-only";
import { asc } from "drizzle-orm";
import type { Reach } from "../../lib/beneficiaries/reach";
import type { Language, PeriodStatus } from "../../lib/domain/codes";
import { periodEnd, periodStart } from "../../lib/periods/period";
import { countPeopleTrained, trainingCascade, type CascadeStep, type PeopleTrained } from "../../lib/trainings/people-trained";
import { serviceTypes, type Narrative, type Result } from "../tables";
import { getNarratives } from "../data-entry/narratives";
import { findProjectPeriod } from "../data-entry/project-periods";
import { getProjectDashboard, type ProjectDashboard } from "./project-dashboard";
import type { ProjectOverview } from "../projects/projects";
import { getReach } from "../registry/registry";
import { listResults } from "../framework/results-framework";
import { listTrainings } from "../trainings/trainings";
import { dbOf, seesUnapprovedFigures, type QueryContext } from "../users/viewer";

export type DonorReportData = {
  overview: ProjectOverview;
  period: { id: string; start: string; end: string };
  periodStatus: PeriodStatus;
  /** Figures in review: the period is not approved, and the report says "Draft – not approved" on every page. */
  draft: boolean;
  /** The dashboard's figures as they stood at the end of the period. */
  dashboard: ProjectDashboard;
  results: Result[];
  reach: Reach;
  services: Map<string, { nameEn: string; nameFr: string }>;
  trained: PeopleTrained;
  cascade: (CascadeStep & { title: string })[];
  /** The narrative in the report's language, else in the other one (`language` says which). */
  narrative: { language: Language; text: Narrative } | null;
};

/**
 * What the donor report of a period holds: the project dashboard's figures filtered to the period's
 * end (approved only for donors), the beneficiaries and trainings as of then, and the narrative.
 */
export async function getDonorReport(ctx: QueryContext, overview: ProjectOverview, period: string, language: Language, today: string): Promise<DonorReportData> {
  const db = dbOf(ctx);
  const { project } = overview;
  const row = await findProjectPeriod(db, project.id, period);
  // A period approved (or reopened since) reports what its latest approval recorded, to everyone; any other, its figures in review.
  const approved = row?.approvedAt != null || !seesUnapprovedFigures(ctx.viewer);
  const view = { through: period, approvedOnly: approved };
  const dashboard = await getProjectDashboard(ctx, project, { approvedOnly: approved, to: period, today });
  const { records, trainings: seen } = await listTrainings(ctx, project.id, view);
  const titles = new Map(seen.map((t) => [t.id, t.title]));
  const narratives = await getNarratives(ctx, project.id, period);
  const other: Language = language === "en" ? "fr" : "en";
  const inLanguage = narratives[language];
  const inOther = narratives[other];
  return {
    overview,
    period: { id: period, start: periodStart(period), end: periodEnd(period) },
    periodStatus: row?.status ?? "draft",
    draft: !approved,
    dashboard,
    results: await listResults(ctx, project.id),
    reach: await getReach(ctx, [project.id], view),
    services: new Map((await db.select().from(serviceTypes).orderBy(asc(serviceTypes.code))).map((s) => [s.code, { nameEn: s.nameEn, nameFr: s.nameFr }])),
    trained: countPeopleTrained(records),
    cascade: trainingCascade(records).map((step) => ({ ...step, title: titles.get(step.cohortId) ?? "" })),
    narrative: inLanguage ? { language, text: inLanguage } : inOther ? { language: other, text: inOther } : null,
  };
}
