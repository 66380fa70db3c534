import type { TrainingKind } from "../domain/codes";

export type TrainingRecord = {
  id: number;
  kind: TrainingKind;
  /** The training-of-trainers cohort whose trainers delivered this training. */
  cohortId: number | null;
  /** Participants by sex and age group, added up. */
  participantCount: number;
  /** Beneficiary refs of the participants, when a roster was kept. */
  roster: readonly string[] | null;
};

/**
 * Distinct people across trainings: people on rosters are counted once however many trainings
 * they attended; a training without a roster adds its participant count, which cannot be matched.
 */
export function countUniqueParticipants(trainings: readonly TrainingRecord[]): number {
  const rostered = new Set<string>();
  let unmatched = 0;
  for (const training of trainings) {
    if (training.roster) for (const ref of training.roster) rostered.add(ref);
    else unmatched += training.participantCount;
  }
  return rostered.size + unmatched;
}

export type PeopleTrained = {
  /** Participants of trainings of trainers. Never added to trainees. */
  trainers: number;
  /** Unique participants of every other training. */
  trainees: number;
};

export function countPeopleTrained(trainings: readonly TrainingRecord[]): PeopleTrained {
  return {
    trainers: countUniqueParticipants(trainings.filter((t) => t.kind === "training_of_trainers")),
    trainees: countUniqueParticipants(trainings.filter((t) => t.kind !== "training_of_trainers")),
  };
}

export type CascadeStep = { cohortId: number; trainers: number; trainingsDelivered: number; peopleTrained: number };

/** Trainers trained -> trainings they delivered -> people trained, per training-of-trainers cohort. */
export function trainingCascade(trainings: readonly TrainingRecord[]): CascadeStep[] {
  return trainings
    .filter((t) => t.kind === "training_of_trainers")
    .map((cohort) => {
      const delivered = trainings.filter((t) => t.cohortId === cohort.id);
      return {
        cohortId: cohort.id,
        trainers: countUniqueParticipants([cohort]),
        trainingsDelivered: delivered.length,
        peopleTrained: countUniqueParticipants(delivered),
      };
    });
}

/** People trained by the trainers, per value of a key (trade, district): unique within each. */
export function peopleTrainedBy<K extends string>(trainings: readonly (TrainingRecord & Record<K, string>)[], key: K): { key: string; trainings: number; peopleTrained: number }[] {
  const groups = new Map<string, TrainingRecord[]>();
  for (const training of trainings) {
    if (training.kind === "training_of_trainers") continue;
    const value = training[key];
    groups.set(value, [...(groups.get(value) ?? []), training]);
  }
  return [...groups]
    .map(([value, list]) => ({ key: value, trainings: list.length, peopleTrained: countUniqueParticipants(list) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
