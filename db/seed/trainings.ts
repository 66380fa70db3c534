import type { Executor } from "../client";
import { trainingParticipants, trainingRoster, trainings, type NewTraining } from "../schema";
import type { Sex } from "../../lib/domain/codes";
import { insertInChunks } from "./writer";

export type ParticipantCount = { sex: Sex; ageGroup: string; count: number };

/** Inserts a training with its participants by sex and age group and, optionally, its roster. */
export function insertTraining(
  tx: Executor,
  training: NewTraining,
  participants: readonly ParticipantCount[],
  rosterIds: readonly number[] = [],
): number {
  const { id } = tx.insert(trainings).values(training).returning({ id: trainings.id }).get();
  const nonEmpty = participants.filter((p) => p.count > 0);
  if (nonEmpty.length > 0) tx.insert(trainingParticipants).values(nonEmpty.map((p) => ({ ...p, trainingId: id }))).run();
  insertInChunks(rosterIds, (chunk) => tx.insert(trainingRoster).values(chunk.map((beneficiaryId) => ({ trainingId: id, beneficiaryId }))).run());
  return id;
}

/** Counts people by sex and age group. */
export function countBySexAndAge(people: readonly { sex: Sex; ageGroup: string }[]): ParticipantCount[] {
  const counts = new Map<string, ParticipantCount>();
  for (const { sex, ageGroup } of people) {
    const key = `${sex}|${ageGroup}`;
    const entry = counts.get(key) ?? { sex, ageGroup, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}
