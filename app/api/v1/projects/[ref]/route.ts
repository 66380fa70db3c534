import { listPeriodStates } from "@/db/figures/approved-periods";
import { listIndicatorFigures } from "@/db/figures/indicator-figures";
import { getReach, getReachByLocation } from "@/db/registry/registry";
import { listIndicatorDisaggregations, listResults } from "@/db/framework/results-framework";
import { projectJson } from "@/server/api/project-json";
import { jsonOk } from "@/server/api/respond";
import { readProjectRequest } from "./read-project";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/projects/{id or code}: the project, its results framework, figures and beneficiaries counted once. */
export const GET = answerFaults(async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readProjectRequest(request, params);
  if (read instanceof Response) return read;
  const { ctx, overview, language, approvedOnly } = read;
  const projectId = overview.project.id;
  // Independent reads, asked together: on a server database their round trips overlap.
  const [results, figures, disaggregations, reach, byLocation, periods] = await Promise.all([
    listResults(ctx, projectId),
    listIndicatorFigures(ctx, projectId, { approvedOnly }),
    listIndicatorDisaggregations(ctx, projectId),
    getReach(ctx, [projectId], { approvedOnly }),
    getReachByLocation(ctx, projectId, { approvedOnly }),
    listPeriodStates(ctx, overview.project, new Date().toISOString().slice(0, 10)),
  ]);
  return jsonOk(projectJson(language, overview, results, figures, disaggregations, { reach, byLocation }, periods));
});
