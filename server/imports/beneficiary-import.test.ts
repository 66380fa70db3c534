import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { saveImportMapping } from "../../db/registry/import-mappings";
import { getReach } from "../../db/registry/registry";
import { auditLog, beneficiaries, beneficiaryServices, projects } from "../../db/tables";
import { koboCsv, koboPerson, koboXlsx, odkCentralCsv } from "../../db/test-support/kobo-exports";
import { demoDatabaseForTests } from "../../db/test-database";
import { headerSignature } from "../../lib/beneficiaries/import-mapping";
import { runBeneficiaryImport, type ImportRun } from "./beneficiary-import";

// The whole path of an import from the files KoboToolbox and ODK Central write: read, match,
// check, write; on the engine the tests run on.

const demo = demoDatabaseForTests();
const manager = () => demo.as("manager@baseline.test");
const p4 = async () => (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!.id;
const people = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => koboPerson(i, prefix));
const checked = (run: ImportRun) => {
  if (run.kind !== "checked") throw new Error(`expected a checked import, got ${run.kind}`);
  return run;
};
const registered = async (projectId: number) => (await demo.db.select({ n: count() }).from(beneficiaries).where(eq(beneficiaries.projectId, projectId)))[0]!.n;

describe("runBeneficiaryImport", () => {
  it("previews a Kobo XLSX export in French labels with no mapping: every field matched, every value read, nothing written", async () => {
    const projectId = await p4();
    const before = await registered(projectId);
    const bytes = await koboXlsx(people(12, "fr"), { labels: "fr", selectMultiple: "separate" });
    const run = checked(
      await runBeneficiaryImport(manager(), projectId, { bytes, kind: "xlsx", sheet: null, fileName: "kobo.xlsx" }, { kind: "auto" }, { commit: false, year: 2026 }),
    );
    expect(run.sheets).toEqual(["Enregistrement"]);
    expect(run.matches).toEqual({
      external_id: "_uuid",
      household_id: "Identifiant du ménage",
      sex: "Sexe",
      birth_year: { age: "Âge", as_of: "_submission_time" },
      group: "Groupe de bénéficiaires",
      location_code: "District",
      household_size: "Taille du ménage",
      service: { options: ["Services reçus/Formation professionnelle", "Services reçus/Aide à l'élevage", "Services reçus/Matériaux de construction pour le logement"] },
      service_date: "Date du service",
    });
    expect(run.problems).toEqual([]);
    expect(run.values.sex).toEqual([
      { value: "Femme", code: "female", count: 6 },
      { value: "Homme", code: "male", count: 6 },
    ]);
    // Every fourth person has two services ticked.
    expect(run.outcome).toMatchObject({ kind: "done", counts: { peopleAdded: 12, servicesAdded: 15 } });
    expect(await registered(projectId)).toBe(before);
  });

  it("commits a Kobo CSV (semicolons, both select_multiple layouts) once: the same file again adds nothing", async () => {
    const projectId = await p4();
    const bytes = Buffer.from(koboCsv(people(8, "csv"), { labels: "xml", selectMultiple: "both" }), "utf8");
    const source = { bytes, kind: "csv" as const, sheet: null, fileName: "kobo.csv" };
    const first = checked(await runBeneficiaryImport(manager(), projectId, source, { kind: "auto" }, { commit: true, year: 2026 }));
    expect(first.problems).toEqual([]);
    expect(first.written).toBe(true);
    expect(first.outcome).toMatchObject({ counts: { peopleAdded: 8, servicesAdded: 10 } });
    const again = checked(await runBeneficiaryImport(manager(), projectId, source, { kind: "auto" }, { commit: true, year: 2026 }));
    expect(again.outcome).toMatchObject({ counts: { peopleAdded: 0, peopleChanged: 0, servicesAdded: 0, servicesUnchanged: 10 } });
  });

  it("reads ODK Central's CSV, and updates a corrected person with an audited change", async () => {
    const projectId = await p4();
    const file = people(5, "odk");
    const source = (text: string) => ({ bytes: Buffer.from(text, "utf8"), kind: "csv" as const, sheet: null, fileName: "central.csv" });
    const first = checked(await runBeneficiaryImport(manager(), projectId, source(odkCentralCsv(file)), { kind: "auto" }, { commit: true, year: 2026 }));
    expect(first.matches).toMatchObject({ external_id: "meta-instanceID", birth_year: { age: "respondent-age", as_of: "SubmissionDate" } });
    expect(first.outcome).toMatchObject({ counts: { peopleAdded: 5 } });
    const corrected = file.map((p, i) => (i === 2 ? { ...p, size: 9 } : p));
    const second = checked(await runBeneficiaryImport(manager(), projectId, source(odkCentralCsv(corrected)), { kind: "auto" }, { commit: true, year: 2026 }));
    expect(second.outcome).toMatchObject({ counts: { peopleAdded: 0, peopleChanged: 1 } });
    const entries = await demo.db.select().from(auditLog).where(eq(auditLog.action, "beneficiary.import"));
    expect(JSON.parse(entries.at(-1)!.details!)).toMatchObject({
      peopleChanged: 1,
      changes: [{ ref: `uuid:${file[2]!.uuid}`, before: { householdSize: file[2]!.size }, after: { householdSize: 9 } }],
    });
  });

  it("reads Windows-1252 as Excel saves a CSV, and lists values that match nothing with their counts before anything is written", async () => {
    const projectId = await p4();
    const before = await registered(projectId);
    const text = [
      "_uuid;Sexe;District;Groupe;Service;Date du service",
      "w1;Féminin;Huye;Rapatrié;Formation;2026-02-01",
      "w2;Femme;Butare;Rapatrié;Formation;2026-02-01",
      "w3;Femme;Butare;Rapatrié;Formation;2026-02-01",
    ].join("\r\n");
    const bytes = Buffer.from(text, "latin1");
    const run = checked(
      await runBeneficiaryImport(manager(), projectId, { bytes, kind: "csv", sheet: null, fileName: "excel.csv" }, { kind: "auto" }, { commit: true, year: 2026 }),
    );
    expect(run.header).toContain("Date du service");
    expect(run.written).toBe(false);
    expect(run.problems.map((p) => p.code)).toEqual(["unknown_location", "unknown_location"]);
    expect(run.values.location_code).toEqual([
      { value: "Butare", code: null, count: 2 },
      { value: "Huye", code: "RW-05-HUY", count: 1 },
    ]);
    expect(await registered(projectId)).toBe(before);
    const mapped = checked(
      await runBeneficiaryImport(
        manager(),
        projectId,
        { bytes, kind: "csv", sheet: null, fileName: "excel.csv" },
        { kind: "given", mapping: { matches: run.matches, values: { location_code: { Butare: "RW-05-HUY" } } } },
        { commit: true, year: 2026 },
      ),
    );
    expect(mapped.problems).toEqual([]);
    expect(await registered(projectId)).toBe(before + 3);
  });

  it("uses a saved mapping by id, offers it again for a file with the same header, and refuses a sheet the workbook lacks", async () => {
    const projectId = await p4();
    const bytes = await koboXlsx(people(3, "saved"), { labels: "xml", selectMultiple: "both" });
    const preview = checked(
      await runBeneficiaryImport(manager(), projectId, { bytes, kind: "xlsx", sheet: null, fileName: "k.xlsx" }, { kind: "auto" }, { commit: false, year: 2026 }),
    );
    const saved = await saveImportMapping(manager(), projectId, {
      name: "Kobo registration v3",
      matches: { ...preview.matches, household_size: undefined },
      values: {},
      headerSignature: headerSignature(preview.header),
    });
    if (saved.kind !== "saved") throw new Error(saved.kind);
    const offered = checked(
      await runBeneficiaryImport(manager(), projectId, { bytes, kind: "xlsx", sheet: null, fileName: "k.xlsx" }, { kind: "auto" }, { commit: false, year: 2026 }),
    );
    expect(offered.mapping?.name).toBe("Kobo registration v3");
    const used = checked(
      await runBeneficiaryImport(
        manager(),
        projectId,
        { bytes, kind: "xlsx", sheet: "Enregistrement", fileName: "k.xlsx" },
        { kind: "saved", id: saved.mapping.id },
        { commit: false, year: 2026 },
      ),
    );
    expect(used.matches.household_size).toBeUndefined();
    expect(await runBeneficiaryImport(manager(), projectId, { bytes, kind: "xlsx", sheet: "Feuil2", fileName: "k.xlsx" }, { kind: "auto" }, { commit: false, year: 2026 })).toEqual(
      { kind: "no_sheet", sheet: "Feuil2", sheets: ["Enregistrement"] },
    );
    expect(
      await runBeneficiaryImport(manager(), projectId, { bytes, kind: "xlsx", sheet: null, fileName: "k.xlsx" }, { kind: "saved", id: 99999 }, { commit: false, year: 2026 }),
    ).toEqual({ kind: "mapping_not_found", id: 99999 });
  });

  it("refuses a file that is not a workbook, and a mapping naming columns the file lacks, changing nothing", async () => {
    const projectId = await p4();
    const services = (await demo.db.select({ n: count() }).from(beneficiaryServices))[0]!.n;
    const broken = checked(
      await runBeneficiaryImport(
        manager(),
        projectId,
        { bytes: Buffer.from("PK\u0003\u0004 not a zip"), kind: "xlsx", sheet: null, fileName: "x.xlsx" },
        { kind: "auto" },
        { commit: true, year: 2026 },
      ),
    );
    expect(broken.problems.map((p) => p.code)).toEqual(["unreadable_workbook"]);
    const bytes = Buffer.from(koboCsv(people(2, "miss"), { labels: "xml", selectMultiple: "single" }), "utf8");
    const wrong = checked(
      await runBeneficiaryImport(
        manager(),
        projectId,
        { bytes, kind: "csv", sheet: null, fileName: "k.csv" },
        { kind: "given", mapping: { matches: { external_id: "_uuid", sex: "gender" }, values: { sex: { f: "woman" } } } },
        { commit: true, year: 2026 },
      ),
    );
    expect(wrong.problems.map((p) => p.code)).toEqual(["missing_columns", "unmatched_fields", "unknown_code"]);
    expect((await demo.db.select({ n: count() }).from(beneficiaryServices))[0]!.n).toBe(services);
  });

  it("lets no donor or staff import", async () => {
    const bytes = Buffer.from(koboCsv(people(1, "no"), { labels: "xml", selectMultiple: "single" }), "utf8");
    for (const email of ["staff@baseline.test", "donor.japan@baseline.test"]) {
      expect(
        await runBeneficiaryImport(demo.as(email), await p4(), { bytes, kind: "csv", sheet: null, fileName: "k.csv" }, { kind: "auto" }, { commit: true, year: 2026 }),
      ).toEqual({ kind: "forbidden" });
    }
    expect((await getReach(demo.as("admin@baseline.test"), [await p4()])).uniqueDirect).toBeGreaterThan(0);
  });
});
