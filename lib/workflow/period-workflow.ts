import { allows, type Action } from "../auth/permissions";
import type { DataValueStatus, PeriodStatus, UserRole } from "../domain/codes";

// The approval of a project's reporting period, as a state machine:
//   draft -> submitted -> approved;  submitted -> returned -> (an edit) -> draft;  approved -> (reopen) -> draft;
//   draft or returned -> not reported (an admin, with a reason) -> (reopen) -> draft.
// Approval follows time: a period is submitted once it has ended, and approved once every earlier
// period of the project is approved or marked not reported.

export const PERIOD_ACTIONS = ["submit", "approve", "return", "reopen", "mark_not_reported"] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

export type Actor = { userId: number; role: UserRole; managesProject: boolean };

export type TransitionRefusal =
  | "not_allowed" // this role may not take this action on this project
  | "four_eyes" // nobody approves or returns a period they submitted
  | "wrong_status" // the action does not apply to the period's status
  | "not_ended" // the period has not ended yet
  | "earlier_not_approved" // an earlier period still waits for its approval
  | "gaps_need_comment" // expected figures are missing: the submitter says why
  | "comment_required"; // returning needs a comment; reopening and "not reported" need a reason

export type TransitionDecision = { ok: true; to: PeriodStatus } | { ok: false; refusal: TransitionRefusal; earlier?: readonly string[]; gaps?: number };

const FROM: Record<PeriodAction, readonly PeriodStatus[]> = {
  submit: ["draft", "returned"],
  approve: ["submitted"],
  return: ["submitted"],
  reopen: ["approved", "not_reported"],
  mark_not_reported: ["draft", "returned"],
};

const TO: Record<PeriodAction, PeriodStatus> = { submit: "submitted", approve: "approved", return: "returned", reopen: "draft", mark_not_reported: "not_reported" };

export type TransitionInput = {
  action: PeriodAction;
  status: PeriodStatus;
  actor: Actor;
  submittedBy: number | null;
  comment: string | null | undefined;
  /** The period's last day has passed. */
  ended: boolean;
  /** The project's earlier periods that are neither approved nor marked not reported, in order. */
  earlierOpen: readonly string[];
  /** Expected figures of the period that are empty (counted for a submission only). */
  gaps: number;
};

const PERMISSION: Record<PeriodAction, Action> = { submit: "submit", approve: "approve", return: "approve", reopen: "reopen", mark_not_reported: "reopen" };

function mayTake(action: PeriodAction, actor: Actor): boolean {
  return allows(actor, PERMISSION[action], { visible: true, manages: actor.managesProject });
}

export function decideTransition(input: TransitionInput): TransitionDecision {
  const { action, status, actor, submittedBy } = input;
  const comment = input.comment?.trim() ?? "";
  if (!mayTake(action, actor)) return { ok: false, refusal: "not_allowed" };
  if (!FROM[action].includes(status)) return { ok: false, refusal: "wrong_status" };
  if ((action === "submit" || action === "approve" || action === "mark_not_reported") && !input.ended) return { ok: false, refusal: "not_ended" };
  if ((action === "approve" || action === "return") && submittedBy === actor.userId) return { ok: false, refusal: "four_eyes" };
  if (action === "approve" && input.earlierOpen.length > 0) return { ok: false, refusal: "earlier_not_approved", earlier: input.earlierOpen };
  if (action === "submit" && input.gaps > 0 && comment === "") return { ok: false, refusal: "gaps_need_comment", gaps: input.gaps };
  if ((action === "return" || action === "reopen" || action === "mark_not_reported") && comment === "") return { ok: false, refusal: "comment_required" };
  return { ok: true, to: TO[action] };
}

/** Figures can be entered in a draft or returned period; a submitted one is read-only, an approved or not reported one locked. */
export function isEditable(status: PeriodStatus): boolean {
  return status === "draft" || status === "returned";
}

/** What the values of a period carry: a period marked not reported keeps its values as drafts. */
export function valueStatusOf(status: PeriodStatus): DataValueStatus {
  return status === "not_reported" ? "draft" : status;
}

/** A period's state as a donor sees it. */
export type DonorPeriodState = "approved" | "not_reported" | "awaiting_approval" | "not_ended";

/**
 * Donors see a period's figures once it has been approved, and keep seeing them as approved while
 * an admin reopens it for a correction; an ended period without an approval is a gap.
 */
export function donorPeriodState(period: { status: PeriodStatus; approvedAt: string | null } | undefined, ended: boolean): DonorPeriodState {
  if (period?.status === "not_reported") return "not_reported";
  if (period?.approvedAt) return "approved";
  return ended ? "awaiting_approval" : "not_ended";
}

/** A period is settled when later periods may be approved after it. */
export function isSettled(status: PeriodStatus): boolean {
  return status === "approved" || status === "not_reported";
}
