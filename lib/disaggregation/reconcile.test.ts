import { describe, expect, it } from "vitest";
import { findMismatches } from "./reconcile";

describe("findMismatches", () => {
  it("accepts a breakdown by sex that adds up to the total", () => {
    expect(
      findMismatches([
        { key: "", amount: 120 },
        { key: "sex=female", amount: 70 },
        { key: "sex=male", amount: 50 },
      ]),
    ).toEqual([]);
  });

  it("reports each dimension whose options differ from the total", () => {
    expect(
      findMismatches([
        { key: "", amount: 120 },
        { key: "sex=female", amount: 70 },
        { key: "sex=male", amount: 40 },
        { key: "group=returnee", amount: 100 },
        { key: "group=host_community", amount: 20 },
      ]),
    ).toEqual([{ parentKey: "", dimension: "sex", expected: 120, actual: 110 }]);
  });

  it("checks cross-tabulated cells against their margins", () => {
    const cells = [
      { key: "", amount: 10 },
      { key: "sex=female", amount: 6 },
      { key: "sex=male", amount: 4 },
      { key: "age=0_17|sex=female", amount: 2 },
      { key: "age=18_35|sex=female", amount: 3 },
    ];
    expect(findMismatches(cells)).toEqual([{ parentKey: "sex=female", dimension: "age", expected: 6, actual: 5 }]);
  });

  it("has nothing to contradict when the parent is not reported", () => {
    expect(findMismatches([{ key: "sex=female", amount: 5 }])).toEqual([]);
  });

  it("tolerates floating-point sums of decimals", () => {
    expect(
      findMismatches([
        { key: "", amount: 0.3 },
        { key: "sex=female", amount: 0.1 },
        { key: "sex=male", amount: 0.2 },
      ]),
    ).toEqual([]);
  });
});
