import { getProjectOverview, type ProjectOverview } from "@/db/projects/projects";
import type { QueryContext } from "@/db/users/viewer";
import { readFiguresRequest, type FiguresRequest } from "@/server/api/figures-request";
import { jsonError } from "@/server/api/respond";

/** What every read of one project's figures starts with: the caller and query (see readFiguresRequest), then the project they may see, or 404. */
export async function readProjectRequest(
  request: Request,
  params: Promise<{ ref: string }>,
): Promise<(FiguresRequest & { ctx: QueryContext; overview: ProjectOverview }) | Response> {
  const read = await readFiguresRequest(request, params);
  if (read instanceof Response) return read;
  const ctx = { viewer: read.user };
  const overview = await getProjectOverview(ctx, read.ref);
  if (!overview) return jsonError(read.t, 404, read.t("api.projectNotFound", { ref: read.rawRef }));
  return { ...read, ctx, overview };
}
