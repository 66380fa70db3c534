// People of a project who are probably one person registered twice: the same household, the same
// sex and birth years at most one year apart (an age given in two different years), or external IDs
// that differ only in case, spaces, dashes or underscores ("RW-0012" and "rw 0012"). Managers decide;
// nothing here merges anyone.

export type RegisteredPerson = { id: number; ref: string; householdRef: string | null; sex: string; birthYear: number | null };
export type DuplicateReason = "same_household" | "similar_id";
export type LikelyDuplicate = { firstId: number; secondId: number; reason: DuplicateReason };

/** "RW-0012", "rw 0012" and "rw_0012" alike. */
export function idKey(ref: string): string {
  return ref.toLowerCase().replace(/[\s\-_]+/g, "");
}

/** The pair in a stable order, the older record first. */
function pair(a: RegisteredPerson, b: RegisteredPerson, reason: DuplicateReason): LikelyDuplicate {
  return a.id < b.id ? { firstId: a.id, secondId: b.id, reason } : { firstId: b.id, secondId: a.id, reason };
}

function groupBy(people: readonly RegisteredPerson[], key: (p: RegisteredPerson) => string | null): RegisteredPerson[][] {
  const groups = new Map<string, RegisteredPerson[]>();
  for (const person of people) {
    const k = key(person);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(person);
    else groups.set(k, [person]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * Every likely pair among `people`, each pair once (a pair that fits both rules is given as a
 * similar ID). Pairs whose key is in `decided` (see pairKey) are left out: a pair called different
 * people stays cleared for good.
 */
export function findLikelyDuplicates(people: readonly RegisteredPerson[], decided: ReadonlySet<string> = new Set()): LikelyDuplicate[] {
  const found = new Map<string, LikelyDuplicate>();
  const add = (candidate: LikelyDuplicate) => {
    const key = pairKey(candidate.firstId, candidate.secondId);
    if (!decided.has(key) && !found.has(key)) found.set(key, candidate);
  };
  for (const group of groupBy(people, (p) => idKey(p.ref)))
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) add(pair(group[i]!, group[j]!, "similar_id"));
  const sameHousehold = groupBy(people, (p) => (p.householdRef && p.householdRef.trim() !== "" && p.birthYear !== null ? `${idKey(p.householdRef)}|${p.sex}` : null));
  for (const group of sameHousehold) {
    const byYear = [...group].sort((a, b) => (a.birthYear as number) - (b.birthYear as number));
    for (let i = 0; i < byYear.length; i++) {
      for (let j = i + 1; j < byYear.length && (byYear[j]!.birthYear as number) - (byYear[i]!.birthYear as number) <= 1; j++) add(pair(byYear[i]!, byYear[j]!, "same_household"));
    }
  }
  return [...found.values()].sort((a, b) => a.firstId - b.firstId || a.secondId - b.secondId);
}

export function pairKey(firstId: number, secondId: number): string {
  return firstId < secondId ? `${firstId}|${secondId}` : `${secondId}|${firstId}`;
}
