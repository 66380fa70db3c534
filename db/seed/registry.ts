import type { Executor } from "../engine/types";
import { beneficiaries, beneficiaryServices, type NewBeneficiary } from "../tables";
import type { Sex } from "../../lib/domain/codes";
import type { Random } from "./random";
import { idOf, insertInChunks, type SeedRefs } from "./writer";

/** A demo person of the registry, with the services they received. */
export type PersonSeed = {
  ref: string;
  householdRef: string;
  householdSize: number;
  sex: Sex;
  birthYear: number;
  groupCode: string;
  location: string;
  services: { code: string; receivedOn: string }[];
};

/** Inserts the people of a project's registry; returns their ids by ref. */
export async function insertRegistry(tx: Executor, refs: SeedRefs, projectId: number, people: readonly PersonSeed[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await insertInChunks(people, async (chunk) => {
    const rows: NewBeneficiary[] = chunk.map((p) => ({
      projectId,
      ref: p.ref,
      householdRef: p.householdRef,
      householdSize: p.householdSize,
      sex: p.sex,
      birthYear: p.birthYear,
      groupCode: p.groupCode,
      locationId: idOf(refs.locations, p.location),
    }));
    for (const row of await tx.insert(beneficiaries).values(rows).returning({ id: beneficiaries.id, ref: beneficiaries.ref })) {
      ids.set(row.ref, row.id);
    }
  });
  const services = people.flatMap((p) =>
    p.services.map((s) => ({
      beneficiaryId: idOf(ids, p.ref),
      serviceTypeId: idOf(refs.services, s.code),
      receivedOn: s.receivedOn,
    })),
  );
  await insertInChunks(services, async (chunk) => await tx.insert(beneficiaryServices).values(chunk));
  return ids;
}

/** A date between two ISO dates, inclusive. */
export function dateBetween(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return new Date(start + random.int(0, Math.round((end - start) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

export function randomSex(random: Random, femaleShare: number): Sex {
  return random.chance(femaleShare) ? "female" : "male";
}

export const personRef = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, "0")}`;
