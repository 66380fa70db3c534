import { describe, expect, it } from "vitest";
import { listTasks, type TaskPeriodState, type TaskProject } from "./tasks";

const p4: TaskProject = { id: 1, code: "RW-REINT-P4", startDate: "2024-10-01", endDate: "2027-03-31", reportingFrequency: "quarterly", closed: false };
const drc: TaskProject = { id: 2, code: "CD-HSEC-NK", startDate: "2025-07-01", endDate: "2026-12-31", reportingFrequency: "quarterly", closed: false };
const approved: TaskPeriodState = { status: "approved", submittedBy: 1, submittedAt: "x" };
const states = (entries: Record<string, TaskPeriodState>) => new Map(Object.entries(entries));
const upTo2026Q2 = (project: TaskProject) =>
  Object.fromEntries(["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2"].filter((p) => p >= project.startDate.slice(0, 4)).map((p) => [p, approved]));

describe("listTasks", () => {
  const input = {
    projects: [p4, drc],
    states: new Map([
      [1, states({ ...upTo2026Q2(p4), "2026Q3": { status: "submitted", submittedBy: 1, submittedAt: "2026-10-05T10:00:00Z" } })],
      [2, states({ ...upTo2026Q2(drc), "2025Q3": approved, "2026Q3": { status: "returned", submittedBy: 1, submittedAt: "2026-10-02T10:00:00Z" } })],
    ]),
    changes: new Map([[1, new Map([["2026Q2", { added: 3, changed: 1 }]])]]),
  };

  it("gives the submitter the periods to submit, overdue since their end, and not their own to approve", () => {
    expect(listTasks({ ...input, userId: 1, today: "2026-11-30" })).toEqual([
      { kind: "submit", projectId: 2, projectCode: "CD-HSEC-NK", period: "2026Q3", status: "returned", reopened: false, dueSince: "2026-10-01", daysOverdue: 60 },
      { kind: "reapprove", projectId: 1, projectCode: "RW-REINT-P4", period: "2026Q2", added: 3, changed: 1 },
    ]);
  });

  it("gives another manager the period waiting for approval", () => {
    const tasks = listTasks({ ...input, userId: 2, today: "2026-11-30" });
    expect(tasks.filter((t) => t.kind === "approve")).toEqual([
      { kind: "approve", projectId: 1, projectCode: "RW-REINT-P4", period: "2026Q3", submittedAt: "2026-10-05T10:00:00Z", blockedBy: null },
    ]);
  });

  it("counts days overdue from the day after the period's end, the longest overdue first, and asks nothing of a period still running", () => {
    expect(listTasks({ ...input, userId: 2, today: "2026-10-01" }).find((t) => t.kind === "submit")).toMatchObject({ period: "2026Q3", dueSince: "2026-10-01", daysOverdue: 0 });
    const tasks = listTasks({ ...input, userId: 2, today: "2027-01-10" });
    expect(tasks.filter((t) => t.kind === "submit").map((t) => [t.projectCode, t.period, t.kind === "submit" && t.daysOverdue])).toEqual([
      ["CD-HSEC-NK", "2026Q3", 101],
      ["CD-HSEC-NK", "2026Q4", 9],
      ["RW-REINT-P4", "2026Q4", 9],
    ]);
    expect(listTasks({ ...input, userId: 2, today: "2026-12-31" }).some((t) => t.period === "2026Q4")).toBe(false);
  });

  it("counts a reopened period as due again from the day it was reopened", () => {
    const reopened = { status: "draft" as const, submittedBy: 1, submittedAt: "2025-01-05T10:00:00Z", approvedAt: "2025-01-10T10:00:00Z", updatedAt: "2026-11-20T08:00:00Z" };
    const tasks = listTasks({ ...input, userId: 1, today: "2026-11-30", states: new Map([[1, states({ ...upTo2026Q2(p4), "2024Q4": reopened })]]), projects: [p4] });
    expect(tasks.find((t) => t.period === "2024Q4")).toMatchObject({ kind: "submit", reopened: true, dueSince: "2026-11-20", daysOverdue: 10 });
  });

  it("says which earlier period blocks an approval, and asks nothing of a closed project", () => {
    const blocked = listTasks({
      ...input,
      userId: 2,
      today: "2026-11-30",
      states: new Map([[1, states({ "2026Q3": { status: "submitted", submittedBy: 1, submittedAt: null } })]]),
      projects: [p4],
    });
    expect(blocked.find((t) => t.kind === "approve")).toMatchObject({ period: "2026Q3", blockedBy: "2024Q4" });
    expect(listTasks({ ...input, userId: 2, today: "2026-11-30", projects: [{ ...drc, closed: true }] }).filter((t) => t.kind === "submit")).toEqual([]);
  });
});
