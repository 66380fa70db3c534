import { describe, expect, it } from "vitest";
import { decideTransition, donorPeriodState, isEditable, isSettled, valueStatusOf, type Actor, type TransitionInput } from "./period-workflow";

const manager: Actor = { userId: 1, role: "manager", managesProject: true };
const manager2: Actor = { userId: 2, role: "manager", managesProject: true };
const otherManager: Actor = { userId: 3, role: "manager", managesProject: false };
const admin: Actor = { userId: 4, role: "admin", managesProject: false };
const staff: Actor = { userId: 5, role: "staff", managesProject: false };
const donor: Actor = { userId: 6, role: "donor", managesProject: false };

/** A step on an ended period whose earlier periods are all approved and whose cells are all filled, unless said otherwise. */
const decide = (input: Partial<TransitionInput> & Pick<TransitionInput, "action" | "status" | "actor">) =>
  decideTransition({ submittedBy: null, comment: null, ended: true, earlierOpen: [], gaps: 0, ...input });

describe("decideTransition", () => {
  it("walks draft -> submitted -> approved with two people", () => {
    expect(decide({ action: "submit", status: "draft", actor: manager })).toEqual({ ok: true, to: "submitted" });
    expect(decide({ action: "approve", status: "submitted", actor: manager2, submittedBy: 1 })).toEqual({ ok: true, to: "approved" });
    expect(decide({ action: "approve", status: "submitted", actor: admin, submittedBy: 1 })).toEqual({ ok: true, to: "approved" });
  });

  it("returns with a comment, and a returned period is submitted again", () => {
    expect(decide({ action: "return", status: "submitted", actor: manager2, submittedBy: 1, comment: "Check Huye" })).toEqual({ ok: true, to: "returned" });
    expect(decide({ action: "return", status: "submitted", actor: manager2, submittedBy: 1, comment: "  " })).toEqual({ ok: false, refusal: "comment_required" });
    expect(decide({ action: "submit", status: "returned", actor: manager, submittedBy: 1 })).toEqual({ ok: true, to: "submitted" });
  });

  it("keeps four eyes: nobody approves or returns what they submitted, not even an admin", () => {
    expect(decide({ action: "approve", status: "submitted", actor: manager, submittedBy: 1 })).toEqual({ ok: false, refusal: "four_eyes" });
    expect(decide({ action: "return", status: "submitted", actor: manager, submittedBy: 1, comment: "x" })).toEqual({ ok: false, refusal: "four_eyes" });
    expect(decide({ action: "approve", status: "submitted", actor: admin, submittedBy: 4 })).toEqual({ ok: false, refusal: "four_eyes" });
  });

  it("lets only the project's managers submit, and only admins reopen or mark not reported, with a reason", () => {
    for (const actor of [otherManager, staff, donor, admin]) expect(decide({ action: "submit", status: "draft", actor })).toEqual({ ok: false, refusal: "not_allowed" });
    for (const actor of [otherManager, staff, donor])
      expect(decide({ action: "approve", status: "submitted", actor, submittedBy: 1 })).toEqual({ ok: false, refusal: "not_allowed" });
    for (const actor of [manager, staff, donor]) {
      expect(decide({ action: "reopen", status: "approved", actor, comment: "typo" })).toEqual({ ok: false, refusal: "not_allowed" });
      expect(decide({ action: "mark_not_reported", status: "draft", actor, comment: "war" })).toEqual({ ok: false, refusal: "not_allowed" });
    }
    expect(decide({ action: "reopen", status: "approved", actor: admin, comment: "" })).toEqual({ ok: false, refusal: "comment_required" });
    expect(decide({ action: "reopen", status: "approved", actor: admin, comment: "Huye corrected its figures" })).toEqual({ ok: true, to: "draft" });
    expect(decide({ action: "mark_not_reported", status: "draft", actor: admin, comment: " " })).toEqual({ ok: false, refusal: "comment_required" });
    expect(decide({ action: "mark_not_reported", status: "returned", actor: admin, comment: "Office closed by fighting" })).toEqual({ ok: true, to: "not_reported" });
    expect(decide({ action: "reopen", status: "not_reported", actor: admin, comment: "Figures found" })).toEqual({ ok: true, to: "draft" });
  });

  it("refuses actions that do not apply to the status", () => {
    expect(decide({ action: "approve", status: "draft", actor: manager2 })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decide({ action: "submit", status: "submitted", actor: manager, submittedBy: 1 })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decide({ action: "submit", status: "approved", actor: manager, submittedBy: 1 })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decide({ action: "submit", status: "not_reported", actor: manager })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decide({ action: "reopen", status: "submitted", actor: admin, submittedBy: 1, comment: "x" })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decide({ action: "mark_not_reported", status: "approved", actor: admin, comment: "x" })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decide({ action: "mark_not_reported", status: "submitted", actor: admin, comment: "x" })).toEqual({ ok: false, refusal: "wrong_status" });
  });

  it("follows time: a period is submitted, approved or marked not reported only once it has ended", () => {
    expect(decide({ action: "submit", status: "draft", actor: manager, ended: false })).toEqual({ ok: false, refusal: "not_ended" });
    expect(decide({ action: "approve", status: "submitted", actor: manager2, submittedBy: 1, ended: false })).toEqual({ ok: false, refusal: "not_ended" });
    expect(decide({ action: "mark_not_reported", status: "draft", actor: admin, comment: "x", ended: false })).toEqual({ ok: false, refusal: "not_ended" });
    // Returning and reopening put figures back in the managers' hands, whenever.
    expect(decide({ action: "return", status: "submitted", actor: manager2, submittedBy: 1, comment: "x", ended: false })).toEqual({ ok: true, to: "returned" });
  });

  it("approves in order: every earlier period approved or not reported first", () => {
    expect(decide({ action: "approve", status: "submitted", actor: manager2, submittedBy: 1, earlierOpen: ["2026Q2", "2026Q3"] })).toEqual({
      ok: false,
      refusal: "earlier_not_approved",
      earlier: ["2026Q2", "2026Q3"],
    });
    // Submitting and returning do not wait: the figures come in whenever they are ready.
    expect(decide({ action: "submit", status: "draft", actor: manager, earlierOpen: ["2026Q2"] })).toEqual({ ok: true, to: "submitted" });
    expect(decide({ action: "return", status: "submitted", actor: manager2, submittedBy: 1, comment: "x", earlierOpen: ["2026Q2"] })).toEqual({ ok: true, to: "returned" });
  });

  it("asks for a comment to submit with expected figures missing", () => {
    expect(decide({ action: "submit", status: "draft", actor: manager, gaps: 12 })).toEqual({ ok: false, refusal: "gaps_need_comment", gaps: 12 });
    expect(decide({ action: "submit", status: "draft", actor: manager, gaps: 12, comment: "  " })).toEqual({ ok: false, refusal: "gaps_need_comment", gaps: 12 });
    expect(decide({ action: "submit", status: "draft", actor: manager, gaps: 12, comment: "Rutshuru unreachable" })).toEqual({ ok: true, to: "submitted" });
  });
});

describe("period states", () => {
  it("allows entry in draft and returned periods only", () => {
    expect((["draft", "returned", "submitted", "approved", "not_reported"] as const).map(isEditable)).toEqual([true, true, false, false, false]);
  });

  it("lets later periods be approved after approved and not reported ones only", () => {
    expect((["draft", "returned", "submitted", "approved", "not_reported"] as const).map(isSettled)).toEqual([false, false, false, true, true]);
  });

  it("keeps the values of a period not reported as drafts", () => {
    expect(valueStatusOf("not_reported")).toBe("draft");
    expect(valueStatusOf("approved")).toBe("approved");
  });

  it("shows donors the last approval of a reopened period, and gaps for ended periods without one", () => {
    expect(donorPeriodState({ status: "approved", approvedAt: "2026-10-01" }, true)).toBe("approved");
    expect(donorPeriodState({ status: "draft", approvedAt: "2026-10-01" }, true)).toBe("approved");
    expect(donorPeriodState({ status: "submitted", approvedAt: null }, true)).toBe("awaiting_approval");
    expect(donorPeriodState(undefined, true)).toBe("awaiting_approval");
    expect(donorPeriodState({ status: "not_reported", approvedAt: null }, true)).toBe("not_reported");
    expect(donorPeriodState(undefined, false)).toBe("not_ended");
  });
});
