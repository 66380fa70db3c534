import { z } from "zod";
import { getProjectByCode } from "@/db/projects/projects";
import { transitionPeriod } from "@/db/data-entry/project-periods";
import { parseReference } from "@/lib/api/reference";
import { MAX_JSON_BYTES, readJsonBody } from "@/server/api/read-body";
import { authenticate, jsonError, jsonOk } from "@/server/api/respond";
import { periodJson } from "@/lib/api/period-json";
import { problemMessage, refusalMessage } from "@/lib/i18n/problem-message";
import { PERIOD_ACTIONS, type TransitionRefusal } from "@/lib/workflow/period-workflow";
import { answerFaults } from "@/server/api/answer-faults";

const bodySchema = z.object({ comment: z.string().max(2000).optional() }).catch({});
const REFUSAL_STATUS: Record<TransitionRefusal, 403 | 409 | 422> = {
  not_allowed: 403,
  four_eyes: 403,
  wrong_status: 409,
  not_ended: 409,
  earlier_not_approved: 409,
  gaps_need_comment: 422,
  comment_required: 422,
};

/**
 * POST /api/v1/projects/{ref}/periods/{period}/{submit|approve|return|reopen|mark_not_reported},
 * with {"comment": "..."} where needed. A refusal says why in `detail` and, as a stable code, in `reason`.
 */
export const POST = answerFaults(async function POST(request: Request, { params }: { params: Promise<{ ref: string; period: string; action: string }> }) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const { ref, period, action } = await params;
  const parsedAction = z.enum(PERIOD_ACTIONS).safeParse(action);
  if (!parsedAction.success) return jsonError(t, 404, t("api.badAction"));
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parseReference(ref));
  if (!project) return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
  const read = await readJsonBody(request);
  if (read.kind === "too_large") return jsonError(t, 413, t("api.tooLarge", { megabytes: MAX_JSON_BYTES / 1024 / 1024 }));
  // No body, or not JSON: an action without a comment.
  const body = bodySchema.parse(read.kind === "ok" ? read.value : {});
  const outcome = await transitionPeriod(ctx, { projectId: project.id, period, action: parsedAction.data, comment: body.comment, today: new Date().toISOString().slice(0, 10) });
  switch (outcome.kind) {
    case "not_found":
      return jsonError(t, 404, t("api.projectNotFound", { ref: decodeURIComponent(ref) }));
    case "invalid":
      return jsonError(t, 422, problemMessage(t, language, outcome.problem));
    case "refused":
      return jsonError(t, REFUSAL_STATUS[outcome.refusal], refusalMessage(t, language, { ...outcome, period }), {
        reason: outcome.refusal,
        ...(outcome.earlier ? { earlier: outcome.earlier } : {}),
        ...(outcome.gaps
          ? { gaps: outcome.gaps.map(({ indicatorCode, locationCode, disaggregation }) => ({ indicator: indicatorCode, location: locationCode, disaggregation })) }
          : {}),
      });
    case "done":
      return jsonOk({ project: project.code, ...periodJson(outcome.period.period, outcome.period) });
  }
});
