import { describe, expect, it } from "vitest";
import { cellId, expectedPlaces, findGaps, groupGaps } from "./completeness";

const businesses = { id: 7, dimensions: [{ code: "sex", options: ["female", "male", "unknown"] }], places: ["RW-05-HUY", "RW-05-NYR"] };
const assessed = { id: 9, dimensions: [{ code: "sex", options: ["female", "male"] }], places: ["RW-05-HUY"] };
const income = { id: 8, dimensions: [], places: ["RW-05-HUY", "RW-05-NYR"] };
const entered = (cells: Record<string, number[]>) => new Map(Object.entries(cells));

describe("the expected figures of a period", () => {
  it("lists every total and option of an indicator at a place where nothing was entered", () => {
    expect(findGaps([businesses], entered({ "7|RW-05-HUY|": [12], "7|RW-05-HUY|sex=female": [7], "7|RW-05-HUY|sex=male": [5] })).map(cellId)).toEqual([
      "7|RW-05-NYR|",
      "7|RW-05-NYR|sex=female",
      "7|RW-05-NYR|sex=male",
      "7|RW-05-NYR|sex=unknown",
    ]);
  });

  it("takes a breakdown that adds up to its total as complete, and lists the empty options of one that does not", () => {
    const cells = { "7|RW-05-HUY|": [12], "7|RW-05-HUY|sex=female": [7], "7|RW-05-HUY|sex=male": [4], "7|RW-05-NYR|": [3], "7|RW-05-NYR|sex=female": [3] };
    expect(findGaps([businesses], entered(cells)).map(cellId)).toEqual(["7|RW-05-HUY|sex=unknown"]);
  });

  it("lists a missing total even when its options are there: missing is not zero", () => {
    expect(findGaps([income, businesses], entered({ "8|RW-05-HUY|": [0.8, 1], "7|RW-05-HUY|sex=female": [2], "7|RW-05-HUY|sex=male": [1] })).map(cellId)).toEqual([
      "8|RW-05-NYR|",
      "7|RW-05-HUY|",
      "7|RW-05-HUY|sex=unknown",
      "7|RW-05-NYR|",
      "7|RW-05-NYR|sex=female",
      "7|RW-05-NYR|sex=male",
      "7|RW-05-NYR|sex=unknown",
    ]);
  });

  it("checks numerators and denominators both for a percentage", () => {
    const whole = { "9|RW-05-HUY|": [9, 12], "9|RW-05-HUY|sex=female": [5, 6], "9|RW-05-HUY|sex=male": [4, 6] };
    expect(findGaps([assessed], entered(whole))).toEqual([]);
    const short = { "9|RW-05-HUY|": [9, 12], "9|RW-05-HUY|sex=female": [5, 6] };
    expect(findGaps([assessed], entered(short)).map(cellId)).toEqual(["9|RW-05-HUY|sex=male"]);
  });

  it("groups the gaps for reading, per indicator and place", () => {
    const gaps = findGaps([businesses], entered({}));
    expect(groupGaps(gaps)).toEqual([
      {
        indicatorId: 7,
        places: [
          { locationCode: "RW-05-HUY", disaggregations: ["", "sex=female", "sex=male", "sex=unknown"] },
          { locationCode: "RW-05-NYR", disaggregations: ["", "sex=female", "sex=male", "sex=unknown"] },
        ],
      },
    ]);
  });
});

describe("expectedPlaces", () => {
  const places = [
    { code: "RW", level: "country" },
    { code: "RW-05-HUY", level: "district" },
    { code: "RW-05-NYR", level: "district" },
  ];

  it("expects an indicator where it was reported lately, target or not", () => {
    expect(expectedPlaces(["RW"], places, false)).toEqual(["RW"]);
    expect(expectedPlaces(["RW-05-NYR", "RW-99-XXX"], places, true)).toEqual(["RW-05-NYR"]);
  });

  it("expects an indicator not reported lately only when the period has a target, below the country", () => {
    expect(expectedPlaces([], places, false)).toEqual([]);
    expect(expectedPlaces([], places, true)).toEqual(["RW-05-HUY", "RW-05-NYR"]);
    expect(expectedPlaces([], [{ code: "RW", level: "country" }], true)).toEqual(["RW"]);
  });
});
