import { describe, expect, it } from "vitest";
import { checkOptionSet, decodeOptionKey, encodeOptionKey } from "./option-key";
import { findMismatches } from "./reconcile";

describe("option keys", () => {
  it("gives one key per option set, whatever the order", () => {
    expect(encodeOptionKey({})).toBe("");
    expect(encodeOptionKey({ sex: "female", age: "18_35" })).toBe("age=18_35|sex=female");
    expect(encodeOptionKey({ age: "18_35", sex: "female" })).toBe("age=18_35|sex=female");
  });

  it("decodes what it encodes and refuses anything else", () => {
    expect(decodeOptionKey("age=18_35|sex=female")).toEqual({ age: "18_35", sex: "female" });
    expect(decodeOptionKey("")).toEqual({});
    for (const bad of ["sex=female|age=18_35", "sex", "sex=", "sex=female|sex=male", "Sex=female", "sex=a=b", "sex=fe male"]) {
      expect(decodeOptionKey(bad), bad).toBeNull();
    }
  });

  it("refuses an option or a dimension the indicator does not use", () => {
    const allowed = { sex: ["female", "male", "unknown"] };
    expect(checkOptionSet({ sex: "female" }, allowed)).toBeNull();
    expect(checkOptionSet({}, allowed)).toBeNull();
    expect(checkOptionSet({ sex: "other" }, allowed)).toEqual({ kind: "unknown_option", dimension: "sex", option: "other" });
    expect(checkOptionSet({ age: "18_35" }, allowed)).toEqual({ kind: "unknown_dimension", dimension: "age" });
  });
});

describe("findMismatches", () => {
  it("accepts a breakdown by sex that adds up to the total", () => {
    expect(findMismatches([
      { key: "", amount: 120 },
      { key: "sex=female", amount: 70 },
      { key: "sex=male", amount: 50 },
    ])).toEqual([]);
  });

  it("reports each dimension whose options differ from the total", () => {
    expect(findMismatches([
      { key: "", amount: 120 },
      { key: "sex=female", amount: 70 },
      { key: "sex=male", amount: 40 },
      { key: "group=returnee", amount: 100 },
      { key: "group=host_community", amount: 20 },
    ])).toEqual([{ parentKey: "", dimension: "sex", expected: 120, actual: 110 }]);
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
    expect(findMismatches([
      { key: "", amount: 0.3 },
      { key: "sex=female", amount: 0.1 },
      { key: "sex=male", amount: 0.2 },
    ])).toEqual([]);
  });
});
