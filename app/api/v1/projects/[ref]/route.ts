import { listPeriodStates } from "@/db/queries/approved-periods";
import { listIndicatorFigures } from "@/db/queries/indicator-figures";
import { getProjectOverview } from "@/db/queries/projects";
import { getReach, getReachByLocation } from "@/db/queries/registry";
import { listIndicatorDisaggregations, listResults } from "@/db/queries/results-framework";
import { readFiguresRequest } from "@/lib/api/figures-request";
import { projectJson } from "@/lib/api/project-json";
import { jsonError, jsonOk } from "@/lib/api/respond";

/** GET /api/v1/projects/{id or code}: the project, its results framework, figures and beneficiaries counted once. */
export async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readFiguresRequest(request, params);
  if (read instanceof Response) return read;
  const { user, t, language, ref, rawRef, approvedOnly } = read;
  const ctx = { viewer: user };
  const overview = getProjectOverview(ctx, ref);
  if (!overview) return jsonError(t, 404, t("api.projectNotFound", { ref: rawRef }));
  const projectId = overview.project.id;
  return jsonOk(
    projectJson(
      language,
      overview,
      listResults(ctx, projectId),
      listIndicatorFigures(ctx, projectId, { approvedOnly }),
      listIndicatorDisaggregations(ctx, projectId),
      { reach: getReach(ctx, [projectId], { approvedOnly }), byLocation: getReachByLocation(ctx, projectId, { approvedOnly }) },
      listPeriodStates(ctx, overview.project, new Date().toISOString().slice(0, 10)),
    ),
  );
}
