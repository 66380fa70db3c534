import { z } from "zod";
import { listPeriodStates } from "@/db/figures/approved-periods";
import { getDonorReport } from "@/db/figures/donor-report";
import { seesUnapprovedFigures } from "@/db/users/viewer";
import { getProjectOverview } from "@/db/projects/projects";
import { fileResponse } from "@/server/api/export-request";
import { parseReference } from "@/lib/api/reference";
import { authenticate, jsonError } from "@/server/api/respond";
import { LANGUAGES } from "@/lib/domain/codes";
import { translatorFor } from "@/lib/i18n/translator";
import { FREQUENCY_PERIOD_TYPE, periodsBetween } from "@/lib/periods/period";
import { renderDonorReport } from "@/server/reports/donor-report-pdf";
import { periodSchema } from "@/lib/periods/period-schema";
import { answerFaults } from "@/server/api/answer-faults";

const querySchema = z.object({ period: periodSchema, lang: z.enum(LANGUAGES).optional() });

/**
 * GET /api/v1/projects/{id or code}/report.pdf?period=2026Q3&lang=en|fr: the donor report of an ended
 * period; donors get approved periods only, others a draft of one not approved yet.
 */
export const GET = answerFaults(async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language: callerLanguage } = caller;
  const rawRef = (await params).ref;
  const overview = await getProjectOverview({ viewer: user }, parseReference(rawRef));
  if (!overview) return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(rawRef) }));
  const { project } = overview;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const periods = periodsBetween(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency]);
  if (!query.success || !periods.includes(query.data.period)) return jsonError(t, 400, t("api.badReportQuery"));
  const today = new Date().toISOString().slice(0, 10);
  // Ended periods only; donors, approved ones only (others get a draft of an unapproved one).
  const state = (await listPeriodStates({ viewer: user }, project, today)).find((p) => p.period === query.data.period);
  if (!state) return jsonError(t, 400, t("api.reportPeriodNotEnded"));
  if (!seesUnapprovedFigures(user) && state.state !== "approved") return jsonError(t, 400, t("api.reportPeriodNotApproved", { period: query.data.period }));
  const language = query.data.lang ?? callerLanguage;
  const report = await getDonorReport({ viewer: user }, overview, query.data.period, language, today);
  const pdf = await renderDonorReport(report, translatorFor(language), language, today);
  return fileResponse(new Uint8Array(pdf), `${project.code}-report-${query.data.period}-${language}.pdf`, "application/pdf");
});
