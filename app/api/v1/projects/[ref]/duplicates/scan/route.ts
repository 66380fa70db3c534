import { scanForDuplicates } from "@/db/registry/duplicates";
import { answerFaults } from "@/server/api/answer-faults";
import { jsonError, jsonOk } from "@/server/api/respond";
import { readManagedProject } from "../../managed-project";

/** POST /api/v1/projects/{ref}/duplicates/scan: looks for new likely duplicates now; answers how many it found. */
export const POST = answerFaults(async function POST(_request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readManagedProject(params, "review_duplicates");
  if (read instanceof Response) return read;
  const outcome = await scanForDuplicates(read.ctx, read.project.id);
  if (outcome.kind === "forbidden") return jsonError(read.t, 403, read.t("workflow.forbidden"));
  return jsonOk({ found: outcome.found });
});
