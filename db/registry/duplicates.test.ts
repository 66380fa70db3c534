import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkRegistryRecords } from "../../lib/beneficiaries/registry-csv";
import { readRegistryCsv } from "../../lib/beneficiaries/read-source";
import { auditLog, beneficiaries, beneficiaryServices, projects } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { listDuplicatePairs, markDuplicatePairDistinct, mergeDuplicatePair, scanForDuplicates, undoDuplicateMerge } from "./duplicates";
import { getReach } from "./registry";
import { importRegistry, registryImportContext } from "./registry-import";

const demo = demoDatabaseForTests();
const manager = () => demo.as("manager@baseline.test");
const p4 = async () => (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!.id;
const unique = async () => (await getReach(demo.as("admin@baseline.test"), [await p4()])).uniqueDirect;

// Amina registered twice in household DUP-HH-1 (born 1990, then 1991 from an age), Jean twice under
// IDs that differ by case and a dash, and her sister in the same household, born 1995.
const FILE = [
  "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date",
  "DUP-AMINA-1,DUP-HH-1,female,1990,returnee,RW-05-HUY,5,vocational_training,2026-07-15",
  "DUP-AMINA-2,DUP-HH-1,female,1991,returnee,RW-05-HUY,5,livestock,2026-08-02",
  "DUP-AMINA-2,DUP-HH-1,female,1991,returnee,RW-05-HUY,5,vocational_training,2026-07-15",
  "DUP-SISTER,DUP-HH-1,female,1995,returnee,RW-05-HUY,5,livestock,2026-08-02",
  "DUP-JEAN-7,,male,,returnee,RW-05-GIS,,shelter_materials,2026-09-01",
  "dup jean7,,male,,returnee,RW-05-GIS,,livestock,2026-09-03",
].join("\n");

async function importFile(text: string) {
  const ctx = manager();
  const { records, header } = readRegistryCsv(text);
  const checked = checkRegistryRecords(records, header, (await registryImportContext(ctx, await p4())).codes, 2026);
  expect(checked.problems).toEqual([]);
  return await importRegistry(ctx, await p4(), checked.people, { commit: true, fileName: "dup.csv", rows: records.length });
}

// The demo's own registry holds one likely pair of its own, left aside here.
const ours = <T extends { firstRef: string }>(pairs: T[]) => pairs.filter((p) => /^dup/i.test(p.firstRef));
const pairOf = async (ref: string) => (await listDuplicatePairs(manager(), await p4()))!.pairs.find((p) => p.firstRef === ref || p.secondRef === ref)!;

describe("the duplicate queue", () => {
  it("lists the likely pairs an import brings, and no pair of the sisters", async () => {
    const before = await unique();
    const outcome = await importFile(FILE);
    expect(outcome).toMatchObject({ kind: "done" });
    expect(await unique()).toBe(before + 5);
    const listed = await listDuplicatePairs(manager(), await p4(), { status: "open" });
    expect(ours(listed!.pairs).map((p) => [p.reason, p.firstRef, p.secondRef])).toEqual([
      ["same_household", "DUP-AMINA-1", "DUP-AMINA-2"],
      ["similar_id", "DUP-JEAN-7", "dup jean7"],
    ]);
    expect(listed!.pairs.find((p) => p.firstRef === "DUP-AMINA-1")!.second!.services).toEqual([
      { code: "vocational_training", receivedOn: "2026-07-15" },
      { code: "livestock", receivedOn: "2026-08-02" },
    ]);
  });

  it("merges a pair: one person fewer everywhere, the services on the record kept, audited; importing the file again adds nobody", async () => {
    const before = await unique();
    const pair = await pairOf("DUP-AMINA-1");
    expect(await mergeDuplicatePair(manager(), await p4(), pair.id)).toMatchObject({ kind: "done", pair: { status: "merged" } });
    expect(await unique()).toBe(before - 1);
    const kept = (await demo.db.select().from(beneficiaries).where(eq(beneficiaries.ref, "DUP-AMINA-1")))[0]!;
    const services = await demo.db.select().from(beneficiaryServices).where(eq(beneficiaryServices.beneficiaryId, kept.id));
    // The vocational training both records had on the same day is one service.
    expect(services.map((s) => s.receivedOn).sort()).toEqual(["2026-07-15", "2026-08-02"]);
    expect(await demo.db.select().from(beneficiaries).where(eq(beneficiaries.ref, "DUP-AMINA-2"))).toEqual([]);
    const entry = (await demo.db.select().from(auditLog).where(eq(auditLog.action, "beneficiary.merge"))).at(-1)!;
    expect(JSON.parse(entry.details!)).toMatchObject({ kept: "DUP-AMINA-1", removed: "DUP-AMINA-2", servicesMoved: 1, servicesAlreadyKept: 1 });
    expect(await importFile(FILE)).toMatchObject({ counts: { peopleAdded: 0, servicesAdded: 0 }, duplicatesFound: 0 });
    expect(await unique()).toBe(before - 1);
    expect(await mergeDuplicatePair(manager(), await p4(), pair.id)).toEqual({ kind: "already_decided", status: "merged" });
  });

  it("undoes a merge: the record comes back with its services, and the pair is open again", async () => {
    const before = await unique();
    const pair = await pairOf("DUP-AMINA-1");
    expect(await undoDuplicateMerge(manager(), await p4(), pair.id)).toMatchObject({ kind: "done", pair: { status: "open" } });
    expect(await unique()).toBe(before + 1);
    const back = (await demo.db.select().from(beneficiaries).where(eq(beneficiaries.ref, "DUP-AMINA-2")))[0]!;
    expect(back.id).toBe(pair.second!.id);
    expect((await demo.db.select().from(beneficiaryServices).where(eq(beneficiaryServices.beneficiaryId, back.id))).map((s) => s.receivedOn).sort()).toEqual([
      "2026-07-15",
      "2026-08-02",
    ]);
    expect((await demo.db.select().from(auditLog).where(eq(auditLog.action, "beneficiary.merge_undo"))).length).toBe(1);
  });

  it("clears a pair of different people for good", async () => {
    const pair = await pairOf("DUP-JEAN-7");
    expect(await markDuplicatePairDistinct(manager(), await p4(), pair.id)).toMatchObject({ kind: "done", pair: { status: "distinct" } });
    expect(await scanForDuplicates(manager(), await p4())).toEqual({ kind: "done", found: 0 });
    expect(ours((await listDuplicatePairs(manager(), await p4(), { status: "open" }))!.pairs).map((p) => p.firstRef)).toEqual(["DUP-AMINA-1"]);
  });

  it("asks a removed record's other open question of the record kept", async () => {
    await importFile(
      [
        "external_id,household_id,sex,birth_year,group,location_code,household_size,service,service_date",
        "DUP-X-1,DUP-HH-9,male,1970,returnee,RW-05-HUY,3,livestock,2026-07-01",
        "DUP-X-2,DUP-HH-9,male,1971,returnee,RW-05-HUY,3,livestock,2026-07-02",
        "dup x 2,,male,,returnee,RW-05-HUY,,livestock,2026-07-03",
      ].join("\n"),
    );
    const pairs = async () => ours((await listDuplicatePairs(manager(), await p4(), { status: "open" }))!.pairs).map((p) => [p.reason, p.firstRef, p.secondRef]);
    expect(await pairs()).toContainEqual(["similar_id", "DUP-X-2", "dup x 2"]);
    const household = (await listDuplicatePairs(manager(), await p4()))!.pairs.find((p) => p.firstRef === "DUP-X-1")!;
    expect(await mergeDuplicatePair(manager(), await p4(), household.id)).toMatchObject({ kind: "done" });
    expect(await pairs()).toContainEqual(["similar_id", "DUP-X-1", "dup x 2"]);
    expect((await pairs()).some(([, first, second]) => first === "DUP-X-2" || second === "DUP-X-2")).toBe(false);
  });

  it("shows no part of the queue to donors and staff, who cannot decide either", async () => {
    const pair = await pairOf("DUP-AMINA-1");
    for (const email of ["staff@baseline.test", "donor.japan@baseline.test"]) {
      expect(await listDuplicatePairs(demo.as(email), await p4())).toBeNull();
      expect(await mergeDuplicatePair(demo.as(email), await p4(), pair.id)).toEqual({ kind: "forbidden" });
      expect(await scanForDuplicates(demo.as(email), await p4())).toEqual({ kind: "forbidden" });
    }
  });
});
