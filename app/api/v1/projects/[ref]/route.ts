import { listIndicatorFigures } from "@/db/queries/indicator-figures";
import { getProjectOverview } from "@/db/queries/projects";
import { listIndicatorDisaggregations, listResults } from "@/db/queries/results-framework";
import { parseFiguresQuery } from "@/lib/api/figures-query";
import { projectJson } from "@/lib/api/project-json";
import { parseReference } from "@/lib/api/reference";
import { authenticate, jsonError, jsonOk } from "@/lib/api/respond";

/** GET /api/v1/projects/{id or code}: the project, its results framework and figures. */
export async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const query = parseFiguresQuery(request.url);
  if (!query.success) return jsonError(400, t("api.badStatus"));
  const { ref } = await params;
  const ctx = { viewer: user };
  const overview = getProjectOverview(ctx, parseReference(ref));
  if (!overview) return jsonError(404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
  const projectId = overview.project.id;
  return jsonOk(
    projectJson(
      language,
      overview,
      listResults(ctx, projectId),
      listIndicatorFigures(ctx, projectId, { approvedOnly: query.data.status === "approved" }),
      listIndicatorDisaggregations(ctx, projectId),
    ),
  );
}
