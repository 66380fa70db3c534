import { describe, expect, it } from "vitest";
import { checkFigure, plainNumber } from "./figure";

describe("checkFigure: counts", () => {
  it("accepts whole numbers from JSON and from forms", () => {
    expect(checkFigure("number", { value: 12 })).toEqual({ ok: true, figure: { value: 12, numerator: null, denominator: null } });
    expect(checkFigure("number", { value: " 1500 " })).toMatchObject({ ok: true, figure: { value: 1500 } });
    expect(checkFigure("number", { value: 0 })).toMatchObject({ ok: true, figure: { value: 0 } });
  });

  it("keeps an empty cell missing, not zero", () => {
    expect(checkFigure("number", { value: "" })).toEqual({ ok: true, figure: null });
    expect(checkFigure("number", {})).toEqual({ ok: true, figure: null });
  });

  it("refuses negative numbers, decimals in a count and text", () => {
    expect(checkFigure("number", { value: -1 })).toEqual({ ok: false, problems: [{ code: "negative", field: "value" }] });
    expect(checkFigure("number", { value: "12.5" })).toEqual({ ok: false, problems: [{ code: "decimal_in_count", field: "value" }] });
    for (const text of ["twelve", "12 people", "1e3", "0x10", "NaN", "Infinity", true, {}, []]) {
      expect(checkFigure("number", { value: text }), String(text)).toEqual({ ok: false, problems: [{ code: "not_a_number", field: "value" }] });
    }
    expect(checkFigure("number", { value: Number.NaN })).toMatchObject({ ok: false });
    expect(checkFigure("number", { value: 1e300 })).toMatchObject({ ok: false });
  });

  it("refuses a numerator for a count", () => {
    expect(checkFigure("number", { numerator: 1, denominator: 2 })).toEqual({ ok: false, problems: [{ code: "needs_value" }] });
  });
});

describe("checkFigure: percentages and means of ratios", () => {
  it("takes a numerator and a denominator", () => {
    expect(checkFigure("percentage", { numerator: 15, denominator: 100 })).toEqual({ ok: true, figure: { value: null, numerator: 15, denominator: 100 } });
    expect(checkFigure("percentage", { numerator: "", denominator: "" })).toEqual({ ok: true, figure: null });
  });

  it("refuses a numerator greater than the denominator, a zero denominator, one part alone, or a finished percentage", () => {
    expect(checkFigure("percentage", { numerator: 101, denominator: 100 })).toEqual({ ok: false, problems: [{ code: "numerator_over_denominator" }] });
    expect(checkFigure("percentage", { numerator: 0, denominator: 0 })).toEqual({ ok: false, problems: [{ code: "zero_denominator" }] });
    expect(checkFigure("percentage", { numerator: 5 })).toEqual({ ok: false, problems: [{ code: "needs_numerator_and_denominator" }] });
    expect(checkFigure("percentage", { value: 15 })).toEqual({ ok: false, problems: [{ code: "needs_numerator_and_denominator" }] });
    expect(checkFigure("percentage", { numerator: 1.5, denominator: 10 })).toEqual({ ok: false, problems: [{ code: "decimal_in_count", field: "numerator" }] });
  });

  it("lets a mean of ratios have a sum of ratios above the respondents, or below zero", () => {
    expect(checkFigure("mean_of_ratios", { numerator: 150.5, denominator: 100 })).toMatchObject({ ok: true });
    expect(checkFigure("mean_of_ratios", { numerator: -12.25, denominator: 100 })).toMatchObject({ ok: true });
    expect(checkFigure("mean_of_ratios", { numerator: 10, denominator: 2.5 })).toEqual({ ok: false, problems: [{ code: "decimal_in_count", field: "denominator" }] });
  });
});

describe("plainNumber", () => {
  it("drops the thousands separators of the person's language, and nothing else", () => {
    expect(plainNumber("1,234", "en")).toBe("1234");
    expect(plainNumber("12,345,678.5", "en")).toBe("12345678.5");
    expect(plainNumber("1 234", "en")).toBe("1234");
    expect(plainNumber("1\u202f234,5", "fr")).toBe("1234,5");
    expect(plainNumber("1\u00a0234", "fr")).toBe("1234");
    expect(plainNumber("1.234,5", "fr")).toBe("1234,5");
    // Not grouped by thousands: a decimal, or text, left for the checks to read or name.
    for (const [typed, language] of [
      ["2,5", "en"],
      ["1,23", "en"],
      ["1.234", "en"],
      ["2,5", "fr"],
      ["1,234", "fr"],
      ["12 34", "fr"],
      ["seven", "en"],
      ["", "fr"],
    ] as const) {
      expect(plainNumber(typed, language), typed).toBe(typed.trim());
    }
    expect(checkFigure("number", { value: plainNumber("1,234", "en") })).toEqual({ ok: true, figure: { value: 1234, numerator: null, denominator: null } });
  });
});
