import { describe, expect, it } from "vitest";
import { checkOptionSet, decodeOptionKey, encodeOptionKey } from "./option-key";

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
