import { getProjectActivity } from "@/db/figures/iati";
import { iatiResponse } from "@/server/api/iati-response";
import { parseReference } from "@/lib/api/reference";
import { authenticate } from "@/server/api/respond";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/projects/{id or code}/iati.xml: the project as an IATI 2.03 activity, approved figures only. */
export const GET = answerFaults(async function GET(_request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const raw = decodeURIComponent((await params).ref);
  const now = new Date();
  const outcome = await getProjectActivity({ viewer: caller.user }, parseReference(raw), now);
  return iatiResponse(outcome, caller.t, caller.t("api.projectNotFound", { ref: raw }), `${outcome.kind === "activities" ? outcome.activities[0]?.identifier : raw}.xml`, now);
});
