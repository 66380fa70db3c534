import { describe, expect, it } from "vitest";
import { changesSinceApproval, type ComparedRecord } from "./record-changes";

const r = (period: string, key: string, content = "a"): ComparedRecord => ({ period, key, content });

describe("changesSinceApproval", () => {
  const approved = [r("2026Q2", "s1"), r("2026Q2", "s2"), r("2026Q3", "s3"), r("2026Q3", "t1", "12 people")];

  it("finds nothing when the records are as approved", () => {
    expect(changesSinceApproval(approved, approved, new Set(["2026Q2", "2026Q3"]))).toEqual(new Map());
  });

  it("counts records added to an approved period, and approved records changed, moved or removed", () => {
    const live = [
      r("2026Q2", "s1"),
      r("2026Q2", "s2", "household of 7"), // changed
      r("2026Q2", "s4"), // added
      r("2026Q4", "s3"), // moved out of 2026Q3: changed there
      // t1 removed: changed
      r("2026Q4", "s5"), // in a period not approved: not counted
    ];
    expect(changesSinceApproval(live, approved, new Set(["2026Q2", "2026Q3"]))).toEqual(
      new Map([
        ["2026Q2", { added: 1, changed: 1 }],
        ["2026Q3", { added: 0, changed: 2 }],
      ]),
    );
  });

  it("counts everything of an approved period as added when its approval recorded nothing", () => {
    expect(changesSinceApproval([r("2026Q1", "s9"), r("2026Q1", "s8")], [], new Set(["2026Q1"]))).toEqual(new Map([["2026Q1", { added: 2, changed: 0 }]]));
  });
});
