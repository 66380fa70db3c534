import type { Executor } from "../engine/types";
import { trainingParticipants, trainingRoster, trainings, type NewTraining } from "../tables";
import type { Sex } from "../../lib/domain/codes";
import { insertInChunks } from "./writer";

export type ParticipantCount = { sex: Sex; ageGroup: string; count: number };

/** Inserts a training with its participants by sex and age group and, optionally, its roster. */
export async function insertTraining(tx: Executor, training: NewTraining, participants: readonly ParticipantCount[], rosterIds: readonly number[] = []): Promise<number> {
  const { id } = (await tx.insert(trainings).values(training).returning({ id: trainings.id }))[0]!;
  const nonEmpty = participants.filter((p) => p.count > 0);
  if (nonEmpty.length > 0) await tx.insert(trainingParticipants).values(nonEmpty.map((p) => ({ ...p, trainingId: id })));
  await insertInChunks(rosterIds, async (chunk) => await tx.insert(trainingRoster).values(chunk.map((beneficiaryId) => ({ trainingId: id, beneficiaryId }))));
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
