import { describe, expect, it } from "vitest";
import { orderResultTree } from "./result-tree";

describe("orderResultTree", () => {
  it("lists impact, then each outcome followed by its outputs", () => {
    const results = [
      { id: 4, parentId: 2, position: 3, code: "OP2" },
      { id: 1, parentId: null, position: 0, code: "IM1" },
      { id: 3, parentId: 2, position: 2, code: "OP1" },
      { id: 2, parentId: 1, position: 1, code: "OC1" },
    ];
    expect(orderResultTree(results).map(({ result, depth }) => `${depth}:${result.code}`)).toEqual(["0:IM1", "1:OC1", "2:OP1", "2:OP2"]);
  });

  it("keeps a result whose parent is missing, at the top", () => {
    expect(orderResultTree([{ id: 5, parentId: 99, position: 0 }]).map((r) => r.depth)).toEqual([0]);
  });
});
