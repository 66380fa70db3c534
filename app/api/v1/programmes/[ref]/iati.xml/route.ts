import { getProgrammeActivities } from "@/db/figures/iati";
import { getProgrammePhases } from "@/db/figures/programmes";
import { iatiResponse } from "@/server/api/iati-response";
import { parseReference } from "@/lib/api/reference";
import { authenticate } from "@/server/api/respond";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/programmes/{id or code}/iati.xml: the programme as a parent activity and its phases as children. */
export const GET = answerFaults(async function GET(_request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const raw = decodeURIComponent((await params).ref);
  const ctx = { viewer: caller.user };
  const now = new Date();
  const found = await getProgrammePhases(ctx, parseReference(raw));
  const outcome = found ? await getProgrammeActivities(ctx, found.programme, found.projects, now) : { kind: "not_found" as const };
  return iatiResponse(outcome, caller.t, caller.t("api.programmeNotFound", { ref: raw }), `${outcome.kind === "activities" ? outcome.activities[0]?.identifier : raw}.xml`, now);
});
