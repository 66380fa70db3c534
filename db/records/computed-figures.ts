import type { Actual } from "../../lib/indicators/actual";
import { countUniqueParticipants } from "../../lib/trainings/people-trained";
import type { Executor } from "../engine/types";
import type { Indicator } from "../tables";
import { countReachedPerScope } from "./reach-counts";
import type { DatedTrainingRecord } from "./trainings";

/** Where computed figures come from: the project's registry (counted in SQL) and its trainings. */
export type RecordSources = { db: Executor; projectId: number; trainings: readonly DatedTrainingRecord[] };

type ComputedIndicator = Pick<Indicator, "source" | "sourceServiceCode" | "sourceTrainingKind" | "sourceTrainingTopic">;

/** The trainings whose participants an indicator counts: its kind of training, and its topic when it names one. */
export function trainingsCountedBy<T extends DatedTrainingRecord>(indicator: ComputedIndicator, trainings: readonly T[]): T[] {
  return trainings.filter((t) => t.kind === indicator.sourceTrainingKind && (indicator.sourceTrainingTopic === null || t.topic === indicator.sourceTrainingTopic));
}

/**
 * The actual of an indicator computed from records, as of a date: unique people who received its
 * service (any service when none is named), or unique participants of its kind (and topic) of
 * training. Null when the project keeps no such records: missing is not zero.
 */
export async function computeRecordActual(indicator: ComputedIndicator, sources: RecordSources, upToDate: string | undefined): Promise<Actual | null> {
  if (indicator.source === "registry") {
    const count = (await countReachedPerScope(sources.db, [{ key: 0, projectId: sources.projectId, upTo: upToDate ?? null, serviceCode: indicator.sourceServiceCode }])).get(0);
    return count ? { kind: "number", value: count.reached } : null;
  }
  if (indicator.source === "trainings") {
    if (sources.trainings.length === 0) return null;
    const matching = trainingsCountedBy(indicator, sources.trainings).filter((t) => upToDate === undefined || t.endDate <= upToDate);
    return { kind: "number", value: countUniqueParticipants(matching) };
  }
  return null;
}
