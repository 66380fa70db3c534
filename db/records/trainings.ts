// Loads trainings for counting, without access checks: the capability groups of db/ check access first.
import { eq, inArray, sql } from "drizzle-orm";
import type { TrainingRecord } from "../../lib/trainings/people-trained";
import type { Executor } from "../engine/types";
import { beneficiaries, trainingParticipants, trainingRoster, trainings } from "../tables";

export type DatedTrainingRecord = TrainingRecord & { projectId: number; topic: string; endDate: string };

/** Loads the trainings of projects with participant counts and rosters. Callers check access first. */
export async function loadTrainings(db: Executor, projectIds: readonly number[]): Promise<DatedTrainingRecord[]> {
  if (projectIds.length === 0) return [];
  const rows = await db
    .select({
      id: trainings.id,
      projectId: trainings.projectId,
      kind: trainings.kind,
      topic: trainings.topic,
      cohortId: trainings.cohortId,
      endDate: trainings.endDate,
      participantCount: sql<number>`coalesce((select sum(${trainingParticipants.count}) from ${trainingParticipants} where ${trainingParticipants.trainingId} = ${trainings.id}), 0)`,
    })
    .from(trainings)
    .where(inArray(trainings.projectId, [...projectIds]));
  const rosters = new Map<number, string[]>();
  const rosterRows = await db
    .select({ trainingId: trainingRoster.trainingId, ref: beneficiaries.ref })
    .from(trainingRoster)
    .innerJoin(beneficiaries, eq(trainingRoster.beneficiaryId, beneficiaries.id))
    .innerJoin(trainings, eq(trainingRoster.trainingId, trainings.id))
    .where(inArray(trainings.projectId, [...projectIds]));
  for (const { trainingId, ref } of rosterRows) {
    const roster = rosters.get(trainingId);
    if (roster) roster.push(ref);
    else rosters.set(trainingId, [ref]);
  }
  return rows.map((row) => ({ ...row, roster: rosters.get(row.id) ?? null }));
}
