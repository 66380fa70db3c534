// Who a project reached, counted once. The rules behind the published figures of the Rwanda
// programme: 5,000 direct beneficiaries = 1,500 + 1,500 + 2,000 by service, and more than 8,000
// people since 2010 with their 40,000 family members.

/** A registry record, possibly one of several for the same person (same `ref`) in other projects. */
export type RegistryRecord = {
  ref: string;
  householdRef: string | null;
  householdSize: number | null;
  services: readonly string[];
};

export type Reach = {
  /** Distinct people with at least one service. */
  uniqueDirect: number;
  /** People per service; shown beside the unique count, never added to it. */
  byService: Record<string, number>;
  /** How many people received exactly 1, 2, 3, ... distinct services. */
  byNumberOfServices: Record<number, number>;
  /** Household members of the direct beneficiaries; null when a household size is unknown. Never added to direct. */
  indirect: number | null;
};

/**
 * Indirect beneficiaries are the sum of the sizes of the distinct households of direct
 * beneficiaries; a person without a known household counts their own household size, and where a
 * size is unknown the project's `defaultHouseholdSize` stands in for it.
 */
export function measureReach(records: readonly RegistryRecord[], defaultHouseholdSize: number | null): Reach {
  const people = new Map<string, { services: Set<string>; householdRef: string | null; householdSize: number | null }>();
  for (const record of records) {
    const person = people.get(record.ref) ?? { services: new Set<string>(), householdRef: null, householdSize: null };
    for (const service of record.services) person.services.add(service);
    person.householdRef = smallestRef(person.householdRef, record.householdRef);
    person.householdSize = maxKnown(person.householdSize, record.householdSize);
    people.set(record.ref, person);
  }

  const byService: Record<string, number> = {};
  const byNumberOfServices: Record<number, number> = {};
  const households = new Map<string, number | null>();
  let uniqueDirect = 0;
  const withoutHousehold: (number | null)[] = [];

  for (const person of people.values()) {
    if (person.services.size === 0) continue;
    uniqueDirect += 1;
    for (const service of person.services) byService[service] = (byService[service] ?? 0) + 1;
    byNumberOfServices[person.services.size] = (byNumberOfServices[person.services.size] ?? 0) + 1;
    if (person.householdRef === null) withoutHousehold.push(person.householdSize);
    else households.set(person.householdRef, maxKnown(households.get(person.householdRef) ?? null, person.householdSize));
  }

  let indirect: number | null = 0;
  for (const size of [...households.values(), ...withoutHousehold]) {
    const known = size ?? defaultHouseholdSize;
    if (known === null) {
      indirect = null;
      break;
    }
    indirect += known;
  }
  return { uniqueDirect, byService, byNumberOfServices, indirect };
}

// A person recorded with two households (in two projects) belongs to the smaller reference: the
// same answer whatever the order of the records.
function smallestRef(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function maxKnown(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
