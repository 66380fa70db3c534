import { describe, expect, it } from "vitest";
import { decideTransition, isEditable, type Actor } from "./period-workflow";

const manager: Actor = { userId: 1, role: "manager", managesProject: true };
const manager2: Actor = { userId: 2, role: "manager", managesProject: true };
const otherManager: Actor = { userId: 3, role: "manager", managesProject: false };
const admin: Actor = { userId: 4, role: "admin", managesProject: false };
const staff: Actor = { userId: 5, role: "staff", managesProject: false };
const donor: Actor = { userId: 6, role: "donor", managesProject: false };

describe("decideTransition", () => {
  it("walks draft -> submitted -> approved with two people", () => {
    expect(decideTransition({ action: "submit", status: "draft", actor: manager, submittedBy: null, comment: null })).toEqual({ ok: true, to: "submitted" });
    expect(decideTransition({ action: "approve", status: "submitted", actor: manager2, submittedBy: 1, comment: null })).toEqual({ ok: true, to: "approved" });
    expect(decideTransition({ action: "approve", status: "submitted", actor: admin, submittedBy: 1, comment: null })).toEqual({ ok: true, to: "approved" });
  });

  it("returns with a comment, and a returned period is submitted again", () => {
    expect(decideTransition({ action: "return", status: "submitted", actor: manager2, submittedBy: 1, comment: "Check Huye" })).toEqual({ ok: true, to: "returned" });
    expect(decideTransition({ action: "return", status: "submitted", actor: manager2, submittedBy: 1, comment: "  " })).toEqual({ ok: false, refusal: "comment_required" });
    expect(decideTransition({ action: "submit", status: "returned", actor: manager, submittedBy: 1, comment: null })).toEqual({ ok: true, to: "submitted" });
  });

  it("keeps four eyes: nobody approves or returns what they submitted, not even an admin", () => {
    expect(decideTransition({ action: "approve", status: "submitted", actor: manager, submittedBy: 1, comment: null })).toEqual({ ok: false, refusal: "four_eyes" });
    expect(decideTransition({ action: "return", status: "submitted", actor: manager, submittedBy: 1, comment: "x" })).toEqual({ ok: false, refusal: "four_eyes" });
    expect(decideTransition({ action: "approve", status: "submitted", actor: admin, submittedBy: 4, comment: null })).toEqual({ ok: false, refusal: "four_eyes" });
  });

  it("lets only the project's managers submit, and only admins reopen with a reason", () => {
    for (const actor of [otherManager, staff, donor, admin]) {
      expect(decideTransition({ action: "submit", status: "draft", actor, submittedBy: null, comment: null })).toEqual({ ok: false, refusal: "not_allowed" });
    }
    for (const actor of [otherManager, staff, donor]) {
      expect(decideTransition({ action: "approve", status: "submitted", actor, submittedBy: 1, comment: null })).toEqual({ ok: false, refusal: "not_allowed" });
    }
    expect(decideTransition({ action: "reopen", status: "approved", actor: manager, submittedBy: 1, comment: "typo" })).toEqual({ ok: false, refusal: "not_allowed" });
    expect(decideTransition({ action: "reopen", status: "approved", actor: admin, submittedBy: 1, comment: "" })).toEqual({ ok: false, refusal: "comment_required" });
    expect(decideTransition({ action: "reopen", status: "approved", actor: admin, submittedBy: 1, comment: "Huye corrected its figures" })).toEqual({ ok: true, to: "draft" });
  });

  it("refuses actions that do not apply to the status", () => {
    expect(decideTransition({ action: "approve", status: "draft", actor: manager2, submittedBy: null, comment: null })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decideTransition({ action: "submit", status: "submitted", actor: manager, submittedBy: 1, comment: null })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decideTransition({ action: "submit", status: "approved", actor: manager, submittedBy: 1, comment: null })).toEqual({ ok: false, refusal: "wrong_status" });
    expect(decideTransition({ action: "reopen", status: "submitted", actor: admin, submittedBy: 1, comment: "x" })).toEqual({ ok: false, refusal: "wrong_status" });
  });
});

describe("isEditable", () => {
  it("allows entry in draft and returned periods only", () => {
    expect(["draft", "returned", "submitted", "approved"].map((s) => isEditable(s as never))).toEqual([true, true, false, false]);
  });
});
