import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { measureReach, type RegistryRecord } from "../../lib/beneficiaries/reach";
import type { Executor } from "../engine/types";
import { beneficiaries, beneficiaryServices, locations, projects, serviceTypes } from "../tables";
import { createRandom } from "../seed/random";
import { demoDatabaseForTests } from "../test-database";
import { countReach, countReachedByLocation, countReachedPerScope, type LiveReachScope } from "./reach-counts";

/** A scope of projects that all count services up to the same date (or all of them). */
function scopeOf(projectIds: readonly number[], upTo: string | null = null, serviceCode?: string): LiveReachScope {
  return { projects: projectIds.map((id) => ({ id, upTo })), serviceCode };
}

// The specification: every record of the scope loaded, its services kept up to each project's date,
// and measureReach over them.
async function reachInMemory(
  db: Executor,
  scope: LiveReachScope,
): Promise<{ reach: ReturnType<typeof measureReach>; records: (RegistryRecord & { locationId: number; projectId: number })[] }> {
  const upTo = new Map(scope.projects.map((p) => [p.id, p.upTo]));
  const people = await demo.db
    .select({
      id: beneficiaries.id,
      projectId: beneficiaries.projectId,
      ref: beneficiaries.ref,
      locationId: beneficiaries.locationId,
      householdRef: beneficiaries.householdRef,
      householdSize: beneficiaries.householdSize,
      projectSize: projects.householdSize,
    })
    .from(beneficiaries)
    .innerJoin(projects, eq(beneficiaries.projectId, projects.id))
    .where(inArray(beneficiaries.projectId, [...upTo.keys()]));
  const services = await demo.db
    .select({ beneficiaryId: beneficiaryServices.beneficiaryId, code: serviceTypes.code, receivedOn: beneficiaryServices.receivedOn })
    .from(beneficiaryServices)
    .innerJoin(serviceTypes, eq(beneficiaryServices.serviceTypeId, serviceTypes.id));
  const servicesOf = new Map<number, typeof services>();
  for (const s of services) servicesOf.set(s.beneficiaryId, [...(servicesOf.get(s.beneficiaryId) ?? []), s]);
  const records = people.map((p) => {
    const date = upTo.get(p.projectId) ?? null;
    return {
      projectId: p.projectId,
      locationId: p.locationId,
      ref: p.ref,
      householdRef: p.householdRef,
      householdSize: p.householdSize ?? p.projectSize,
      services: (servicesOf.get(p.id) ?? [])
        .filter((s) => (date === null || s.receivedOn <= date) && (scope.serviceCode === undefined || s.code === scope.serviceCode))
        .map((s) => s.code),
    };
  });
  return { reach: measureReach(records, null), records };
}

const demo = demoDatabaseForTests();

const projectIds = async () => (await demo.db.select({ id: projects.id }).from(projects)).map((p) => p.id);

describe("countReach equals measureReach over the loaded registry", () => {
  it("reproduces the published figures of phases I-III: 8,140 people and 40,550 family members", async () => {
    const ids = (
      await demo.db
        .select({ id: projects.id })
        .from(projects)
        .where(inArray(projects.code, ["RW-REINT-P1", "RW-REINT-P2", "RW-REINT-P3"]))
    ).map((p) => p.id);
    expect((await countReach(demo.db, scopeOf(ids))).reach).toMatchObject({ uniqueDirect: 8140, indirect: 40550 });
  });

  it("on the demo registry, for each project, all of them, a date and a service", async () => {
    const ids = await projectIds();
    const scopes: LiveReachScope[] = [
      ...ids.map((id) => scopeOf([id])),
      scopeOf(ids),
      scopeOf(ids, "2019-12-31"),
      scopeOf(ids, null, "livestock"),
      scopeOf(ids, "2026-06-30", "vocational_training"),
      { projects: ids.map((id, i) => ({ id, upTo: i % 2 === 0 ? "2015-06-30" : "" })) },
    ];
    for (const scope of scopes) {
      const { reach, registered } = await countReach(demo.db, scope);
      const expected = await reachInMemory(demo.db, scope);
      expect(reach).toEqual(expected.reach);
      expect(registered).toBe(expected.records.length);
    }
  });

  it("counts many projects at once as it counts each alone", async () => {
    const ids = await projectIds();
    for (const [upTo, serviceCode] of [
      [null, null],
      ["2019-12-31", null],
      [null, "livestock"],
      ["2026-06-30", "vocational_training"],
    ] as const) {
      const together = await countReachedPerScope(
        demo.db,
        ids.map((projectId) => ({ key: projectId, projectId, upTo, serviceCode })),
      );
      for (const id of ids) {
        const alone = await countReach(demo.db, scopeOf([id], upTo, serviceCode ?? undefined));
        expect(together.get(id) ?? { reached: 0, registered: 0 }).toEqual({ reached: alone.reach.uniqueDirect, registered: alone.registered });
      }
    }
  });

  it("on random registries: people in several projects, shared and unknown households, unknown sizes", async () => {
    const random = createRandom(2026);
    const [first, second] = await demo.db.select().from(projects);
    const place = (await demo.db.select().from(locations))[0]!;
    const services = await demo.db.select().from(serviceTypes);
    for (let round = 0; round < 25; round++) {
      await demo.db.write(async (tx) => {
        await tx.delete(beneficiaries).where(inArray(beneficiaries.projectId, [first!.id, second!.id]));
        await tx
          .update(projects)
          .set({ householdSize: random.chance(0.3) ? null : random.int(2, 7) })
          .where(eq(projects.id, second!.id));
        for (const project of [first!, second!]) {
          for (let n = random.int(0, 40); n > 0; n--) {
            const ref = `R-${random.int(1, 30)}`;
            const exists = (await tx.select({ id: beneficiaries.id }).from(beneficiaries).where(eq(beneficiaries.ref, ref))).length > 0 && random.chance(0.5);
            if (exists && (await tx.select().from(beneficiaries).where(eq(beneficiaries.ref, ref))).some((b) => b.projectId === project.id)) continue;
            const { id } = (
              await tx
                .insert(beneficiaries)
                .values({
                  projectId: project.id,
                  ref,
                  householdRef: random.chance(0.3) ? null : `H-${random.int(1, 12)}`,
                  householdSize: random.chance(0.3) ? null : random.int(1, 9),
                  sex: random.pick(["female", "male"] as const),
                  groupCode: "returnee",
                  locationId: random.chance(0.5) ? place.id : project.countryId,
                })
                .onConflictDoNothing()
                .returning({ id: beneficiaries.id })
            )[0]! ?? { id: null };
            if (id === null) continue;
            for (let s = random.int(0, 3); s > 0; s--) {
              await tx
                .insert(beneficiaryServices)
                .values({ beneficiaryId: id, serviceTypeId: random.pick(services).id, receivedOn: `202${random.int(0, 5)}-0${random.int(1, 9)}-1${random.int(0, 9)}` })
                .onConflictDoNothing();
            }
          }
        }
      });
      const date = random.chance(0.5) ? null : `202${random.int(0, 5)}-06-30`;
      const scopes: LiveReachScope[] = [
        scopeOf([first!.id, second!.id], date),
        scopeOf([second!.id], date, random.pick(services).code),
        {
          projects: [
            { id: first!.id, upTo: "2022-12-31" },
            { id: second!.id, upTo: date },
          ],
        },
      ];
      for (const scope of scopes) {
        const { reach, registered } = await countReach(demo.db, scope);
        const expected = await reachInMemory(demo.db, scope);
        expect(reach).toEqual(expected.reach);
        expect(registered).toBe(expected.records.length);
      }
      const byPlace = new Map<number, Set<string>>();
      for (const r of (await reachInMemory(demo.db, scopeOf([first!.id], date))).records.filter((r) => r.services.length > 0)) {
        byPlace.set(r.locationId, (byPlace.get(r.locationId) ?? new Set()).add(r.ref));
      }
      expect(await countReachedByLocation(demo.db, first!.id, date)).toEqual(new Map([...byPlace].map(([place, refs]) => [place, refs.size])));
    }
  });
});
