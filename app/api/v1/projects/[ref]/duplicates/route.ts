import { z } from "zod";
import { listDuplicatePairs } from "@/db/registry/duplicates";
import { DUPLICATE_STATUSES } from "@/db/schema/registry-review";
import { answerFaults } from "@/server/api/answer-faults";
import { duplicatePairJson } from "@/server/api/duplicate-json";
import { jsonError, jsonOk } from "@/server/api/respond";
import { readManagedProject } from "../managed-project";

const querySchema = z.object({ status: z.enum(DUPLICATE_STATUSES).optional() });

/**
 * GET /api/v1/projects/{ref}/duplicates[?status=open|merged|distinct]: the likely duplicates of the
 * registry and what was decided, for the project's managers and admins only (403 for everyone else).
 */
export const GET = answerFaults(async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readManagedProject(params, "review_duplicates");
  if (read instanceof Response) return read;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(read.t, 400, read.t("duplicates.badStatus"));
  const listed = await listDuplicatePairs(read.ctx, read.project.id, { status: query.data.status, limit: 1000 });
  if (!listed) return jsonError(read.t, 403, read.t("workflow.forbidden"));
  return jsonOk({ project: read.project.code, open: listed.open, data: listed.pairs.map(duplicatePairJson) });
});
