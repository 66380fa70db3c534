import { z } from "zod";
import { markDuplicatePairDistinct, mergeDuplicatePair, undoDuplicateMerge } from "@/db/registry/duplicates";
import { answerFaults } from "@/server/api/answer-faults";
import { duplicateDecisionProblem } from "@/server/api/duplicate-decision";
import { jsonError, jsonOk } from "@/server/api/respond";
import { readManagedProject } from "../../../managed-project";

const DECIDE = { merge: mergeDuplicatePair, distinct: markDuplicatePairDistinct, undo: undoDuplicateMerge } as const;
const paramsSchema = z.object({ id: z.coerce.number().int().positive(), decision: z.enum(["merge", "distinct", "undo"]) });

/**
 * POST /api/v1/projects/{ref}/duplicates/{id}/merge|distinct|undo: "same person" (the second record's
 * services go to the first, which is kept), "different people" (the pair is cleared for good), or
 * undo a merge. 409 when the pair was decided meanwhile.
 */
export const POST = answerFaults(async function POST(_request: Request, { params }: { params: Promise<{ ref: string; id: string; decision: string }> }) {
  const read = await readManagedProject(params, "review_duplicates");
  if (read instanceof Response) return read;
  const { t } = read;
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return jsonError(t, 404, t("duplicates.notFound"));
  const outcome = await DECIDE[parsed.data.decision](read.ctx, read.project.id, parsed.data.id);
  if (outcome.kind !== "done") return duplicateDecisionProblem(t, outcome);
  return jsonOk({ id: outcome.pair.id, status: outcome.pair.status });
});
