import type { DataValueStatus, UserRole } from "../domain/codes";

// The approval of a project's reporting period, as a state machine:
//   draft -> submitted -> approved;  submitted -> returned -> (an edit) -> draft;  approved -> (reopen) -> draft.

export const PERIOD_ACTIONS = ["submit", "approve", "return", "reopen"] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

export type Actor = { userId: number; role: UserRole; managesProject: boolean };

export type TransitionRefusal =
  | "not_allowed" // this role may not take this action on this project
  | "four_eyes" // nobody approves or returns a period they submitted
  | "wrong_status" // the action does not apply to the period's status
  | "comment_required"; // returning needs a comment; reopening needs a reason

export type TransitionDecision = { ok: true; to: DataValueStatus } | { ok: false; refusal: TransitionRefusal };

const FROM: Record<PeriodAction, readonly DataValueStatus[]> = {
  submit: ["draft", "returned"],
  approve: ["submitted"],
  return: ["submitted"],
  reopen: ["approved"],
};

const TO: Record<PeriodAction, DataValueStatus> = { submit: "submitted", approve: "approved", return: "returned", reopen: "draft" };

export function decideTransition(input: {
  action: PeriodAction;
  status: DataValueStatus;
  actor: Actor;
  submittedBy: number | null;
  comment: string | null | undefined;
}): TransitionDecision {
  const { action, status, actor, submittedBy } = input;
  const comment = input.comment?.trim() ?? "";
  const allowed =
    action === "submit"
      ? actor.managesProject
      : action === "reopen"
        ? actor.role === "admin"
        : actor.role === "admin" || actor.managesProject;
  if (!allowed) return { ok: false, refusal: "not_allowed" };
  if (!FROM[action].includes(status)) return { ok: false, refusal: "wrong_status" };
  if ((action === "approve" || action === "return") && submittedBy === actor.userId) return { ok: false, refusal: "four_eyes" };
  if ((action === "return" || action === "reopen") && comment === "") return { ok: false, refusal: "comment_required" };
  return { ok: true, to: TO[action] };
}

/** Figures can be entered in a draft or returned period; a submitted one is read-only and an approved one locked. */
export function isEditable(status: DataValueStatus): boolean {
  return status === "draft" || status === "returned";
}
