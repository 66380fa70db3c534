import { measureReach } from "../../lib/beneficiaries/reach";
import type { Actual } from "../../lib/indicators/actual";
import { countUniqueParticipants } from "../../lib/trainings/people-trained";
import type { Indicator } from "../schema";
import { servicesUpTo, type DatedRecord } from "./registry";
import type { DatedTrainingRecord } from "./trainings";

/**
 * The actual of an indicator computed from records, as of a date: unique people who received its
 * service (any service when none is named), or unique participants of its kind (and topic) of
 * training. Null when the project keeps no such records: missing is not zero.
 */
export function computeRecordActual(
  indicator: Pick<Indicator, "source" | "sourceServiceCode" | "sourceTrainingKind" | "sourceTrainingTopic">,
  records: { registry: readonly DatedRecord[]; trainings: readonly DatedTrainingRecord[] },
  upToDate: string | undefined,
): Actual | null {
  if (indicator.source === "registry") {
    if (records.registry.length === 0) return null;
    const reach = measureReach(servicesUpTo(records.registry, upToDate, indicator.sourceServiceCode ?? undefined), null);
    return { kind: "number", value: reach.uniqueDirect };
  }
  if (indicator.source === "trainings") {
    if (records.trainings.length === 0) return null;
    const matching = records.trainings.filter(
      (t) =>
        t.kind === indicator.sourceTrainingKind &&
        (indicator.sourceTrainingTopic === null || t.topic === indicator.sourceTrainingTopic) &&
        (upToDate === undefined || t.endDate <= upToDate),
    );
    return { kind: "number", value: countUniqueParticipants(matching) };
  }
  return null;
}
