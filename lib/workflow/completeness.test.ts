import { describe, expect, it } from "vitest";
import { cellId, expectedCells, findGaps, groupGaps } from "./completeness";

const businesses = { id: 7, dimensions: [{ code: "sex", options: ["female", "male"] }] };
const income = { id: 8, dimensions: [] };

describe("expected figures of a period", () => {
  it("expects each indicator's total and each option of its breakdowns at each place", () => {
    expect(expectedCells([businesses, income], ["RW-05-HUY", "RW-05-NYR"]).map(cellId)).toEqual([
      "7|RW-05-HUY|",
      "7|RW-05-HUY|sex=female",
      "7|RW-05-HUY|sex=male",
      "7|RW-05-NYR|",
      "7|RW-05-NYR|sex=female",
      "7|RW-05-NYR|sex=male",
      "8|RW-05-HUY|",
      "8|RW-05-NYR|",
    ]);
  });

  it("lists as gaps the expected figures that are empty, whatever else was entered", () => {
    const filled = new Set(["7|RW-05-HUY|", "7|RW-05-HUY|sex=female", "7|RW-05-HUY|sex=male", "7|RW-05-HUY|age=18_35|sex=female", "8|RW-05-NYR|"]);
    const gaps = findGaps([businesses, income], ["RW-05-HUY", "RW-05-NYR"], filled);
    expect(gaps.map(cellId)).toEqual(["7|RW-05-NYR|", "7|RW-05-NYR|sex=female", "7|RW-05-NYR|sex=male", "8|RW-05-HUY|"]);
    expect(groupGaps(gaps)).toEqual([
      { indicatorId: 7, places: [{ locationCode: "RW-05-NYR", disaggregations: ["", "sex=female", "sex=male"] }] },
      { indicatorId: 8, places: [{ locationCode: "RW-05-HUY", disaggregations: [""] }] },
    ]);
  });

  it("finds nothing missing in a complete period, and nothing expected without indicators or places", () => {
    const all = new Set(expectedCells([businesses], ["RW-05-HUY"]).map(cellId));
    expect(findGaps([businesses], ["RW-05-HUY"], all)).toEqual([]);
    expect(expectedCells([], ["RW-05-HUY"])).toEqual([]);
    expect(expectedCells([businesses], [])).toEqual([]);
  });
});
