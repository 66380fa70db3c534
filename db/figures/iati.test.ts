import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { activitiesXml, type IatiActivity } from "../../lib/iati/activity";
import { checkIatiRules } from "../../lib/iati/iati-rules";
import { renderDocument } from "../../lib/iati/xml";
import { approvedValues, dataValues, indicators, projects, projectSectors } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { getProgrammeActivities, getProjectActivity } from "./iati";
import { getProgrammePhases } from "./programmes";

const demo = demoDatabaseForTests();
const NOW = new Date("2026-11-23T12:00:00Z");
const SCHEMA_DIR = process.env.IATI_SCHEMA_DIR ?? path.resolve(import.meta.dirname, "../../../shared/iati/xsd");
const hasSchema = fs.existsSync(path.join(SCHEMA_DIR, "iati-activities-schema.xsd"));
if (!hasSchema) console.warn(`IATI schema checks SKIPPED: no iati-activities-schema.xsd in ${SCHEMA_DIR} (set IATI_SCHEMA_DIR).`);

async function schemaErrors(xml: string): Promise<string[]> {
  const read = (name: string) => ({ fileName: name, contents: fs.readFileSync(path.join(SCHEMA_DIR, name), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: "activities.xml", contents: xml }],
    schema: [read("iati-activities-schema.xsd")],
    preload: [read("iati-common.xsd"), read("xml.xsd")],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

function activitiesOf(outcome: Awaited<ReturnType<typeof getProjectActivity>>): IatiActivity[] {
  if (outcome.kind !== "activities") throw new Error(`not publishable: ${JSON.stringify(outcome)}`);
  return outcome.activities;
}

const codes = async () => (await demo.db.select({ code: projects.code }).from(projects)).map((p) => p.code);

describe("IATI activity files of the demo data", () => {
  it.skipIf(!hasSchema)(
    "validate against the official 2.03 schema and break none of the validator's rules, for every project and the programme",
    async () => {
      const staff = demo.as("staff@baseline.test");
      const files: IatiActivity[][] = await Promise.all((await codes()).map(async (code) => activitiesOf(await getProjectActivity(staff, code, NOW))));
      const found = (await getProgrammePhases(staff, "RW-REINT"))!;
      files.push(activitiesOf(await getProgrammeActivities(staff, found.programme, found.projects, NOW)));
      for (const activities of files) {
        const xml = renderDocument(activitiesXml(activities, "2026-11-23T12:00:00Z"));
        expect(await schemaErrors(xml), activities[0]?.identifier).toEqual([]);
        expect(checkIatiRules(activities, "2026-11-23")).toEqual([]);
      }
    },
    60_000,
  );

  it.skipIf(!hasSchema)(
    "the schema check fails on a broken file (one fault per file)",
    async () => {
      const [activity] = activitiesOf(await getProjectActivity(demo.as("staff@baseline.test"), "RW-REINT-P4", NOW));
      const xml = renderDocument(activitiesXml([activity!], "2026-11-23T12:00:00Z"));
      expect(await schemaErrors(xml.replace("<activity-status", "<activity-state"))).not.toEqual([]);
      expect(await schemaErrors(xml.replace(/iso-date="[^"]+"/, 'iso-date="2026-13-45"'))).not.toEqual([]);
      // The schema accepts a measure of any text: the codelist is the rules' business.
      expect(await schemaErrors(xml.replace('measure="1"', 'measure="one"'))).toEqual([]);
    },
    60_000,
  );

  it("identify IOM as reporter, link phases to the programme, and keep sites and province-level places out", async () => {
    const staff = demo.as("staff@baseline.test");
    const [p4] = activitiesOf(await getProjectActivity(staff, "RW-REINT-P4", NOW));
    expect(p4!.identifier).toBe("XM-DAC-47066-RW-REINT-P4");
    expect(p4!.reportingOrg).toMatchObject({ ref: "XM-DAC-47066", type: "40" });
    expect(p4!.related).toEqual([{ type: "1", ref: "XM-DAC-47066-RW-REINT" }]);
    expect(p4!.participating.map((p) => [p.role, p.ref ?? p.name.en])).toEqual(
      expect.arrayContaining([
        ["1", "Government of Japan"],
        ["4", "XM-DAC-47066"],
        ["2", "XM-DAC-47066"],
      ]),
    );
    expect(p4!.locations.every((l) => /^RW-0\d-[A-Z]{3}$/.test(l.ref))).toBe(true);
    expect(p4!.budgets.every((b) => b.start.slice(0, 4) === b.end.slice(0, 4))).toBe(true);
    const found = (await getProgrammePhases(staff, "RW-REINT"))!;
    const [parent, ...children] = activitiesOf(await getProgrammeActivities(staff, found.programme, found.projects, NOW));
    expect(parent!.hierarchy).toBe(1);
    expect(parent!.related.map((r) => r.ref)).toEqual(children.map((c) => c.identifier));
    expect(children.every((c) => c.hierarchy === 2 && c.related[0]?.ref === parent!.identifier)).toBe(true);
  });

  it("publish approved figures only, percentages 0-100 that do not aggregate, and leave out a missing actual", async () => {
    const staff = demo.as("staff@baseline.test");
    const p4 = (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!;
    const [activity] = activitiesOf(await getProjectActivity(staff, "RW-REINT-P4", NOW));
    const indicatorsOut = activity!.results.flatMap((r) => r.indicators);
    const op23 = indicatorsOut.find((i) => i.title.en.startsWith("OP2.3 "))!;
    // 2026Q3 is submitted, not approved: it has targets at most, never an actual.
    const q3 = op23.periods.find((p) => p.start === "2026-07-01");
    expect(q3?.actuals ?? []).toEqual([]);
    const op23Id = (await demo.db.select().from(indicators).where(eq(indicators.code, "OP2.3"))).find((i) => i.projectId === p4.id)!.id;
    const approvedTotal = (await demo.db.select().from(approvedValues).where(eq(approvedValues.period, "2026Q2"))).filter(
      (v) => v.disaggregation === "" && v.indicatorId === op23Id,
    );
    const q2 = op23.periods.find((p) => p.start === "2026-04-01")!;
    expect(q2.actuals[0]).toEqual({ value: approvedTotal.reduce((s, v) => s + (v.value ?? 0), 0) });
    expect(q2.actuals.some((a) => a.locationRef)).toBe(true);
    expect(q2.actuals.some((a) => a.dimensions?.some((d) => d.name === "sex"))).toBe(true);
    const entered = await demo.db.select().from(dataValues).where(eq(dataValues.period, "2026Q3"));
    expect(entered.length).toBeGreaterThan(0);

    const ratio = indicatorsOut.find((i) => i.measure === "2")!;
    expect(ratio.aggregates).toBe(false);
    for (const p of ratio.periods) for (const v of p.actuals) expect(v.value).toBeLessThanOrEqual(100);
    expect(indicatorsOut.every((i) => i.periods.every((p) => p.actuals.every((a) => Number.isFinite(a.value))))).toBe(true);
    expect(indicatorsOut.find((i) => i.title.en.startsWith("OP1.1 "))!.description.en).toMatch(/^.*Cumulative: each period's actual is the running total/);
  });

  it("refuse to publish a project without sectors, saying why", async () => {
    const drc = (await demo.db.select().from(projects).where(eq(projects.code, "CD-HSEC-NK")))[0]!;
    await demo.db.write((tx) => tx.delete(projectSectors).where(eq(projectSectors.projectId, drc.id)));
    expect(await getProjectActivity(demo.as("staff@baseline.test"), "CD-HSEC-NK", NOW)).toEqual({ kind: "not_publishable", code: "CD-HSEC-NK", problems: ["no_sector"] });
    expect(await getProjectActivity(demo.as("donor.japan@baseline.test"), "CD-HSEC-NK", NOW)).toEqual({ kind: "not_found" });
  });
});
