import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createRandom } from "./seed/random";
import { listDataValues } from "./data-entry/data-value-list";
import { recordDataValues } from "./data-entry/data-values";
import { getPortfolio } from "./figures/portfolio";
import { getProjectDashboard } from "./figures/project-dashboard";
import { getProgrammeSummary } from "./figures/programmes";
import { beneficiaries, beneficiaryServices, indicators, projects, serviceTypes } from "./tables";
import { demoDatabaseForTests } from "./test-database";
import { openAt } from "./test-support/open-at";
import { withoutReadCache } from "./read-cache";

const demo = demoDatabaseForTests();
const VIEWERS = ["staff@baseline.test", "manager@baseline.test", "donor.japan@baseline.test"];

/** Every cached read, as the cache gives it and as computed from scratch. */
async function reads() {
  const p4 = (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!;
  return await Promise.all(
    VIEWERS.map(async (email) => {
      const ctx = demo.as(email);
      return {
        portfolio: await getPortfolio(ctx, {}),
        filtered: await getPortfolio(ctx, { status: "active" }),
        programme: await getProgrammeSummary(ctx, "RW-REINT"),
        dashboard: await getProjectDashboard(ctx, p4, { approvedOnly: false, today: "2026-11-23" }),
        // A range reaches the database as the project's periods within it: cached and fresh must agree too.
        range: await getProjectDashboard(ctx, p4, { approvedOnly: false, today: "2026-11-23", from: "2025Q3", to: "2026Q3", indicatorCode: "OP2.3" }),
      };
    }),
  );
}

describe("the read cache", () => {
  it("always gives what is computed from scratch, through writes of the app and of other connections", async () => {
    const random = createRandom(7);
    const manager = demo.as("manager@baseline.test");
    const p4 = (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!;
    const op23 = (
      await demo.db
        .select()
        .from(indicators)
        .where(and(eq(indicators.projectId, p4.id), eq(indicators.code, "OP2.3")))
    )[0]!;
    const person = (await demo.db.select().from(beneficiaries).where(eq(beneficiaries.projectId, p4.id)))[0]!;
    const service = (await demo.db.select().from(serviceTypes))[0]!;
    let changed = 0;
    for (let round = 0; round < 6; round++) {
      const cached = await reads();
      expect(cached).toEqual(await withoutReadCache(reads));
      expect((await reads())[0]!.portfolio).toBe(cached[0]!.portfolio);
      const before = cached[0]!.portfolio.headline;
      switch (round % 3) {
        case 0: {
          // One more woman in a place: the total and its female part move together, as the grid would send them.
          const cells = (await listDataValues(manager, p4.id, { period: "2026Q4" })).filter((v) => v.indicatorId === op23.id);
          const total = cells.find((v) => Object.keys(v.disaggregation).length === 0 && v.value !== null)!;
          const female = cells.find((v) => v.locationCode === total.locationCode && v.disaggregation.sex === "female" && Object.keys(v.disaggregation).length === 1);
          const more = random.int(1, 5);
          const outcome = await recordDataValues(
            manager,
            [
              { indicatorId: op23.id, period: "2026Q4", locationCode: total.locationCode, disaggregation: {}, value: total.value! + more, version: total.version },
              ...(female
                ? [
                    {
                      indicatorId: op23.id,
                      period: "2026Q4",
                      locationCode: total.locationCode,
                      disaggregation: { sex: "female" },
                      value: female.value! + more,
                      version: female.version,
                    },
                  ]
                : []),
            ],
            { today: "2026-11-23" },
          );
          expect(outcome.kind, JSON.stringify(outcome)).toBe("saved");
          break;
        }
        case 1:
          await demo.db.write((tx) =>
            tx
              .insert(beneficiaryServices)
              .values({ beneficiaryId: person.id, serviceTypeId: service.id, receivedOn: `2026-10-${String(1 + round).padStart(2, "0")}` })
              .onConflictDoNothing(),
          );
          break;
        default: {
          // A write by another connection, as a script or a second process would make it.
          const other = openAt(demo.location);
          await other.write(async (tx) => {
            const [newcomer] = await tx.all<{ id: number }>(sql`
              INSERT INTO beneficiaries (project_id, ref, sex, group_code, location_id, household_size, created_at)
              VALUES (${p4.id}, ${`CACHE-${round}`}, 'female', 'returnee', ${person.locationId}, 4, '2026-11-23') RETURNING id`);
            await tx.run(sql`INSERT INTO beneficiary_services (beneficiary_id, service_type_id, received_on) VALUES (${newcomer!.id}, ${service.id}, '2026-10-01')`);
          });
          await other.close();
          changed++;
        }
      }
      if (round % 3 === 2) expect((await reads())[0]!.portfolio.headline.reach.uniqueDirect).toBe(before.reach.uniqueDirect + 1);
    }
    expect(changed).toBe(2);
  }, 120_000);
});
