import "server-only";
import type { DecisionOutcome } from "../../db/registry/duplicates";
import type { Translator } from "../../lib/i18n/translator";
import { jsonError } from "./respond";

/** The problem to answer for a decision on a pair that could not be taken. */
export function duplicateDecisionProblem(t: Translator, outcome: Exclude<DecisionOutcome, { kind: "done" }>): Response {
  switch (outcome.kind) {
    case "forbidden":
      return jsonError(t, 403, t("workflow.forbidden"));
    case "not_found":
      return jsonError(t, 404, t("duplicates.notFound"));
    case "gone":
      return jsonError(t, 409, t("duplicates.gone"));
    case "already_decided":
      return jsonError(t, 409, t("duplicates.alreadyDecided", { status: outcome.status }));
  }
}
