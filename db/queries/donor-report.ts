import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Reach } from "../../lib/beneficiaries/reach";
import type { DataValueStatus, Language } from "../../lib/domain/codes";
import { periodEnd, periodStart } from "../../lib/periods/period";
import { countPeopleTrained, trainingCascade, type CascadeStep, type PeopleTrained } from "../../lib/trainings/people-trained";
import { serviceTypes, trainings, type Narrative, type Result } from "../schema";
import { getNarratives } from "./narratives";
import { periodStatus } from "./project-periods";
import { getProjectDashboard, type ProjectDashboard } from "./project-dashboard";
import type { ProjectOverview } from "./projects";
import { getReach } from "./registry";
import { listResults } from "./results-framework";
import { trainingsAsSeen } from "./trainings";
import { dbOf, type QueryContext } from "./viewer";

export type DonorReportData = {
  overview: ProjectOverview;
  period: { id: string; start: string; end: string };
  periodStatus: DataValueStatus;
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
export function getDonorReport(ctx: QueryContext, overview: ProjectOverview, period: string, language: Language, today: string): DonorReportData {
  const db = dbOf(ctx);
  const { project } = overview;
  const end = periodEnd(period);
  const dashboard = getProjectDashboard(ctx, project, { approvedOnly: false, to: period, today });
  const seen = trainingsAsSeen(ctx, [project.id]).filter((t) => t.endDate <= end);
  const titles = new Map(db.select({ id: trainings.id, title: trainings.title }).from(trainings).where(eq(trainings.projectId, project.id)).all().map((t) => [t.id, t.title]));
  const narratives = getNarratives(ctx, project.id, period);
  const other: Language = language === "en" ? "fr" : "en";
  const inLanguage = narratives[language];
  const inOther = narratives[other];
  return {
    overview,
    period: { id: period, start: periodStart(period), end },
    periodStatus: periodStatus(db, project.id, period),
    dashboard,
    results: listResults(ctx, project.id),
    reach: getReach(ctx, [project.id], { upTo: end }),
    services: new Map(db.select().from(serviceTypes).orderBy(asc(serviceTypes.code)).all().map((s) => [s.code, { nameEn: s.nameEn, nameFr: s.nameFr }])),
    trained: countPeopleTrained(seen),
    cascade: trainingCascade(seen).map((step) => ({ ...step, title: titles.get(step.cohortId) ?? "" })),
    narrative: inLanguage ? { language, text: inLanguage } : inOther ? { language: other, text: inOther } : null,
  };
}
