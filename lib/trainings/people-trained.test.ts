import { describe, expect, it } from "vitest";
import { countPeopleTrained, peopleTrainedBy, trainingCascade, type TrainingRecord } from "./people-trained";

const tot = (id: number, participantCount: number): TrainingRecord => ({
  id,
  kind: "training_of_trainers",
  cohortId: null,
  participantCount,
  roster: null,
});
const vocational = (id: number, cohortId: number | null, roster: string[] | null, participantCount = roster?.length ?? 0): TrainingRecord => ({
  id,
  kind: "vocational",
  cohortId,
  participantCount,
  roster,
});

describe("countPeopleTrained", () => {
  it("keeps trainers and trainees apart: 184 trainers are not among the 1,500 trainees", () => {
    const trainings = [tot(1, 100), tot(2, 84), vocational(3, 1, null, 800), vocational(4, 2, null, 700)];
    expect(countPeopleTrained(trainings)).toEqual({ trainers: 184, trainees: 1500 });
  });

  it("counts a person in two trainings once where rosters exist", () => {
    const trainings = [vocational(1, null, ["A", "B", "C"]), vocational(2, null, ["C", "D"])];
    expect(countPeopleTrained(trainings).trainees).toBe(4);
  });

  it("adds the participants of trainings without a roster, which cannot be matched", () => {
    const trainings = [vocational(1, null, ["A", "B"]), vocational(2, null, null, 10)];
    expect(countPeopleTrained(trainings).trainees).toBe(12);
  });

  it("counts nobody when there were no trainings", () => {
    expect(countPeopleTrained([])).toEqual({ trainers: 0, trainees: 0 });
  });
});

describe("trainingCascade", () => {
  it("follows each cohort of trainers to the trainings they delivered and the people trained", () => {
    const trainings = [tot(1, 100), tot(2, 84), vocational(3, 1, ["A", "B"]), vocational(4, 1, ["B", "C"]), vocational(5, null, ["D"])];
    expect(trainingCascade(trainings)).toEqual([
      { cohortId: 1, trainers: 100, trainingsDelivered: 2, peopleTrained: 3 },
      { cohortId: 2, trainers: 84, trainingsDelivered: 0, peopleTrained: 0 },
    ]);
  });
});

describe("peopleTrainedBy", () => {
  it("counts people trained per trade, each once within a trade, leaving trainers out", () => {
    const trainings = [
      { ...tot(1, 100), topic: "adult_teaching" },
      { ...vocational(2, 1, ["A", "B"]), topic: "welding" },
      { ...vocational(3, 1, ["B", "C"]), topic: "welding" },
      { ...vocational(4, 1, ["A"]), topic: "sewing" },
    ];
    expect(peopleTrainedBy(trainings, "topic")).toEqual([
      { key: "sewing", trainings: 1, peopleTrained: 1 },
      { key: "welding", trainings: 2, peopleTrained: 3 },
    ]);
  });
});
