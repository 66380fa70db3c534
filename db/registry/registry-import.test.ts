import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkRegistryRecords } from "../../lib/beneficiaries/registry-csv";
import { readRegistryCsv } from "../../lib/beneficiaries/read-source";
import { auditLog, beneficiaries, projects } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { getReach } from "./registry";
import { importRegistry, registryImportContext } from "./registry-import";

const demo = demoDatabaseForTests();

const { as } = demo;
const p4 = async () => (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!.id;

const FILE = [
  "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date",
  "RW-900001,RW-HH-900001,female,1990,returnee,RW-05-HUY,5,vocational_training,2026-03-15",
  "RW-900001,RW-HH-900001,female,1990,returnee,RW-05-HUY,5,livestock,2026-05-02",
  "RW-900002,RW-HH-900001,male,1988,returnee,RW-05-HUY,5,livestock,2026-05-02",
  "RW-008141,,female,,returnee,RW-04-KAR,,shelter_materials,2026-06-01",
].join("\n");

async function people(text: string) {
  const ctx = as("manager@baseline.test");
  const { records, header } = readRegistryCsv(text);
  const context = await registryImportContext(ctx, await p4());
  const checked = checkRegistryRecords(records, header, context.codes, 2026);
  expect(checked.problems).toEqual([]);
  return { people: checked.people, rows: records.length };
}

describe("importRegistry", () => {
  it("previews without writing: people to add and to change, services to add", async () => {
    const before = (await demo.db.select({ n: count() }).from(beneficiaries))[0]?.n;
    const { people: file, rows } = await people(FILE);
    const preview = await importRegistry(as("manager@baseline.test"), await p4(), file, { commit: false, fileName: "march.csv", rows });
    expect(preview).toEqual({
      kind: "done",
      counts: { peopleAdded: 2, peopleChanged: 1, peopleUnchanged: 0, servicesAdded: 4, servicesUnchanged: 0, rows: 4 },
      // 2026Q1 and 2026Q2 of the demo are approved: these services wait for a new approval.
      inApprovedPeriods: [
        { period: "2026Q1", records: 1 },
        { period: "2026Q2", records: 3 },
      ],
      duplicatesFound: 0,
    });
    expect((await demo.db.select({ n: count() }).from(beneficiaries))[0]?.n).toBe(before);
  });

  it("commits all rows with one audit entry; the unique count grows by the new people only", async () => {
    const uniqueBefore = (await getReach(as("admin@baseline.test"), [await p4()])).uniqueDirect;
    const { people: file, rows } = await people(FILE);
    expect((await importRegistry(as("manager@baseline.test"), await p4(), file, { commit: true, fileName: "march.csv", rows })).kind).toBe("done");
    expect((await getReach(as("admin@baseline.test"), [await p4()])).uniqueDirect).toBe(uniqueBefore + 2);
    const entry = (await demo.db.select().from(auditLog).where(eq(auditLog.action, "beneficiary.import")))[0];
    expect(JSON.parse(entry?.details ?? "{}")).toMatchObject({ fileName: "march.csv", peopleAdded: 2, peopleChanged: 1, servicesAdded: 4, rows: 4 });
  });

  it("changes nothing when the same file is imported again", async () => {
    const { people: file, rows } = await people(FILE);
    const again = await importRegistry(as("manager@baseline.test"), await p4(), file, { commit: true, fileName: "march.csv", rows });
    expect(again).toEqual({
      kind: "done",
      counts: { peopleAdded: 0, peopleChanged: 0, peopleUnchanged: 3, servicesAdded: 0, servicesUnchanged: 4, rows: 4 },
      inApprovedPeriods: [],
      duplicatesFound: 0,
    });
  });

  it("counts the known services of a person it changes among those that change approved periods", async () => {
    const { people: file, rows } = await people(FILE);
    await importRegistry(as("manager@baseline.test"), await p4(), file, { commit: true, fileName: "march.csv", rows });
    const older = await people(FILE.replace("RW-900002,RW-HH-900001,male,1988", "RW-900002,RW-HH-900001,male,1987"));
    const preview = await importRegistry(as("manager@baseline.test"), await p4(), older.people, { commit: false, fileName: "fix.csv", rows: older.rows });
    expect(preview).toMatchObject({ counts: { peopleChanged: 1, servicesAdded: 0 }, inApprovedPeriods: [{ period: "2026Q2", records: 1 }] });
  });

  it("lets only the project's managers and admins import", async () => {
    const { people: file, rows } = await people(FILE);
    for (const email of ["staff@baseline.test", "donor.japan@baseline.test"]) {
      expect(await importRegistry(as(email), await p4(), file, { commit: true, fileName: "x.csv", rows })).toEqual({ kind: "forbidden" });
    }
  });
});
