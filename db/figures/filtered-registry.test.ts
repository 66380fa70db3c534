import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { countReach, countReachedByLocation, countReachedPerScope } from "../records/reach-counts";
import { beneficiaries, locations, projectLocations, projects } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { registryBreaksDown, registryCountsUnderFilter } from "./filtered-registry";
import { getProjectDashboard } from "./project-dashboard";

const demo = demoDatabaseForTests();

describe("registryCountsUnderFilter", () => {
  const phaseIV = async () => (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!;
  const huye = async () => (await demo.db.select().from(locations).where(eq(locations.code, "RW-05-HUY")))[0]!;

  it("without a filter, counts what the whole project counts, per service and in all", async () => {
    const project = await phaseIV();
    const counts = await registryCountsUnderFilter(demo.db, project.id, ["livestock", "vocational_training"], { approvedOnly: false });
    expect(counts.get("")).toBe((await countReach(demo.db, { projects: [{ id: project.id, upTo: null }] })).reach.uniqueDirect);
    for (const code of ["livestock", "vocational_training"]) {
      expect(counts.get(code), code).toBe((await countReachedPerScope(demo.db, [{ key: 0, projectId: project.id, upTo: null, serviceCode: code }])).get(0)?.reached);
    }
  });

  it("at a place, counts the people the map shows there; by sex, the people of that sex, who add up to the place", async () => {
    const project = await phaseIV();
    const place = await huye();
    const atHuye = (await registryCountsUnderFilter(demo.db, project.id, [], { location: place.code, approvedOnly: false })).get("");
    expect(atHuye).toBe((await countReachedByLocation(demo.db, project.id, null)).get(place.id));
    expect(atHuye).toBeGreaterThan(0);
    const bySex = await Promise.all(
      ["female", "male", "unknown"].map(
        async (sex) => (await registryCountsUnderFilter(demo.db, project.id, [], { location: place.code, option: `sex=${sex}`, approvedOnly: false })).get("") ?? 0,
      ),
    );
    expect(bySex.reduce((a, b) => a + b, 0)).toBe(atHuye);
    const women = (await demo.db.select().from(beneficiaries).where(eq(beneficiaries.sex, "female"))).filter((b) => b.projectId === project.id && b.locationId === place.id);
    expect(bySex[0]).toBeLessThanOrEqual(women.length);
  });

  it("counts up to the end of a period, and from the approved copies for donors", async () => {
    const project = await phaseIV();
    const all = (await registryCountsUnderFilter(demo.db, project.id, [], { location: "RW-05-HUY", approvedOnly: false })).get("") ?? 0;
    const early = (await registryCountsUnderFilter(demo.db, project.id, [], { location: "RW-05-HUY", to: "2024Q4", approvedOnly: false })).get("") ?? 0;
    expect(early).toBeLessThan(all);
    const approved = (await registryCountsUnderFilter(demo.db, project.id, [], { location: "RW-05-HUY", approvedOnly: true })).get("") ?? 0;
    expect(approved).toBe((await countReachedByLocation(demo.db, project.id, null, "approved")).get((await huye()).id) ?? 0);
  });

  it("follows sex and group breakdowns only", () => {
    expect(registryBreaksDown(undefined)).toBe(true);
    expect(registryBreaksDown("sex=female")).toBe(true);
    expect(registryBreaksDown("group=returnee")).toBe(true);
    expect(registryBreaksDown("age=18_35")).toBe(false);
  });
});

describe("the dashboard's indicator table under a place filter", () => {
  it("counts the registry's people and the trainings at each place: no place holds more than the whole, and together they hold it all", async () => {
    const ctx = demo.as("staff@baseline.test");
    const project = (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!;
    const today = "2026-11-23";
    const whole = (await getProjectDashboard(ctx, project, { approvedOnly: false, today })).indicators;
    const places = await demo.db
      .select({ code: locations.code })
      .from(projectLocations)
      .innerJoin(locations, eq(projectLocations.locationId, locations.id))
      .where(eq(projectLocations.projectId, project.id));
    const byPlace = await Promise.all(places.map(async ({ code }) => (await getProjectDashboard(ctx, project, { approvedOnly: false, today, location: code })).indicators));
    for (const code of ["OP1.1", "OP1.2", "OP2.1", "OP2.2"]) {
      const total = whole.find((f) => f.indicator.code === code)?.actual?.value ?? 0;
      const values = byPlace.map((indicators) => {
        const filtered = indicators.find((f) => f.indicator.code === code)?.filtered;
        expect(filtered?.kind, code).toBe("actual");
        return filtered?.kind === "actual" ? (filtered.actual?.value ?? 0) : 0;
      });
      for (const value of values) expect(value, code).toBeLessThanOrEqual(total);
      // A person is registered at one place, and a training is held at one: the places add up to the whole.
      expect(
        values.reduce((a, b) => a + b, 0),
        code,
      ).toBeGreaterThanOrEqual(total);
    }
  });
});
