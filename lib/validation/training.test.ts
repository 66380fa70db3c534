import { describe, expect, it } from "vitest";
import { checkTrainingInput } from "./training";

const training = {
  title: "Welding, Huye",
  kind: "vocational",
  topic: "welding",
  locationCode: "RW-05-HUY",
  startDate: "2026-03-02",
  endDate: "2026-04-24",
  cohortId: 1,
  participants: [
    { sex: "female", ageGroup: "18_35", count: 2 },
    { sex: "male", ageGroup: "18_35", count: "1" },
  ],
  roster: ["RW-1", "RW-2", "RW-3"],
};

describe("checkTrainingInput", () => {
  it("accepts a vocational training delivered by a cohort, with a roster matching its participants", () => {
    expect(checkTrainingInput(training)).toMatchObject({ ok: true, training: { participants: [{ count: 2 }, { count: 1 }] } });
  });

  it("refuses an end before the start, a cohort for trainers, a roster that does not match, negative counts", () => {
    const checked = checkTrainingInput({
      ...training,
      kind: "training_of_trainers",
      endDate: "2026-01-01",
      roster: ["RW-1"],
      participants: [{ sex: "female", ageGroup: "18_35", count: -1 }],
    });
    expect(!checked.ok && checked.problems.map((p) => p.code)).toEqual(["negative", "end_before_start", "cohort_for_trainers", "roster_count_mismatch"]);
    const second = checkTrainingInput({ ...training, kind: "training_of_trainers", endDate: "2026-01-01", roster: ["RW-1"] });
    expect(!second.ok && second.problems.map((p) => p.code)).toEqual(["end_before_start", "cohort_for_trainers", "roster_count_mismatch"]);
  });
});
