import "server-only";
import type { ListedPair, PairPerson } from "../../db/registry/duplicates";

function personJson(person: PairPerson | null) {
  if (!person) return null;
  return {
    externalId: person.ref,
    householdId: person.householdRef,
    sex: person.sex,
    birthYear: person.birthYear,
    group: person.groupCode,
    location: person.locationCode || null,
    householdSize: person.householdSize,
    services: person.services.map((s) => ({ service: s.code, date: s.receivedOn })),
  };
}

/** A pair of the duplicate queue as the API gives it: `first` is the record a merge keeps. */
export function duplicatePairJson(pair: ListedPair) {
  return {
    id: pair.id,
    reason: pair.reason,
    status: pair.status,
    decidedAt: pair.decidedAt,
    first: personJson(pair.first) ?? { externalId: pair.firstRef },
    second: personJson(pair.second) ?? { externalId: pair.secondRef },
  };
}
