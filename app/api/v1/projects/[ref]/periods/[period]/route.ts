import { getProjectByCode } from "@/db/projects/projects";
import { getPeriodOverview } from "@/db/data-entry/project-periods";
import { periodJson } from "@/lib/api/period-json";
import { parseReference } from "@/lib/api/reference";
import { authenticate, jsonError, jsonOk } from "@/server/api/respond";
import { checkReportingPeriod } from "@/lib/validation/period";
import { problemMessage } from "@/lib/i18n/problem-message";
import { answerFaults } from "@/server/api/answer-faults";

/**
 * GET /api/v1/projects/{ref}/periods/{period}: where a period stands, for those who see figures in
 * review: its workflow state, whether it has ended, the earlier periods it waits for, the expected
 * figures still empty, and the records added and changed since its approval.
 */
export const GET = answerFaults(async function GET(_request: Request, { params }: { params: Promise<{ ref: string; period: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const { ref, period } = await params;
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parseReference(ref));
  const today = new Date().toISOString().slice(0, 10);
  const problem = project ? checkReportingPeriod(period, project, today) : null;
  if (project && problem) return jsonError(t, 404, problemMessage(t, language, problem));
  const overview = project ? await getPeriodOverview(ctx, project, period, today) : null;
  if (!project || !overview) return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
  return jsonOk({
    project: project.code,
    ...periodJson(period, overview.row),
    ended: overview.ended,
    waitingFor: overview.earlierOpen,
    gaps: overview.gaps.map(({ indicatorCode, locationCode, disaggregation }) => ({ indicator: indicatorCode, location: locationCode, disaggregation })),
    changedSinceApproval: overview.changes,
  });
});
