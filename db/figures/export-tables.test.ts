import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsToCsv } from "../../lib/exports/csv";
import { trackingRows } from "../../server/exports/tracking-rows";
import { writeWorkbook } from "../../lib/exports/xlsx";
import { translatorFor } from "../../lib/i18n/translator";
import { dataValues, indicators, projects } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { beneficiariesTable, recordsTable, trainingsTable, valuesTable, valueRowsQuery } from "./export-tables";
import { getProjectDashboard } from "./project-dashboard";
import { getReach } from "../registry/registry";
import { getTrackingTable } from "./tracking-table";

const demo = demoDatabaseForTests();

const TODAY = "2026-11-23";
const { as } = demo;
const project = async (code: string) => (await demo.db.select().from(projects).where(eq(projects.code, code)))[0]!;

describe("the indicator tracking table", () => {
  it("carries the dashboard's actual, progress and status of every indicator, for a manager and a donor", async () => {
    for (const [email, code] of [
      ["manager@baseline.test", "RW-REINT-P4"],
      ["donor.japan@baseline.test", "RW-REINT-P4"],
      ["staff@baseline.test", "CD-HSEC-NK"],
    ] as const) {
      const ctx = as(email);
      const p4 = await project(code);
      const dashboard = await getProjectDashboard(ctx, p4, { approvedOnly: false, today: TODAY });
      const table = await getTrackingTable(ctx, [p4], { approvedOnly: false, today: TODAY });
      expect(table.approvedOnly).toBe(dashboard.approvedOnly);
      expect(table.rows.map((r) => [r.indicator.code, r.toDate?.value ?? null, r.progress, r.status])).toEqual(
        dashboard.indicators.map((i) => [i.indicator.code, i.actual?.value ?? null, i.progress, i.status]),
      );
    }
  });

  it("adds up per period to the actual to date of incremental indicators", async () => {
    const table = await getTrackingTable(as("staff@baseline.test"), [await project("RW-REINT-P4")], { approvedOnly: false, today: TODAY });
    const incremental = table.rows.filter((r) => r.indicator.source === "manual" && r.indicator.timeAggregation === "incremental" && r.indicator.measure === "number" && r.toDate);
    expect(incremental.length).toBeGreaterThan(0);
    for (const row of incremental) {
      const sum = [...row.periods.values()].reduce((s, p) => s + (p.actual?.value ?? 0), 0);
      expect(sum).toBeCloseTo(row.toDate!.value, 6);
    }
  });

  it("is written to Excel and read back with the same figures, in French too", async () => {
    const ctx = as("donor.japan@baseline.test");
    const table = await getTrackingTable(ctx, [await project("RW-REINT-P4")], { approvedOnly: false, today: TODAY });
    const fr = trackingRows(table, translatorFor("fr"), "fr");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeWorkbook([fr], { creator: "test", created: new Date() })) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Suivi des indicateurs");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(fr.columns.map((c) => c.header));
    const codeColumn = header.indexOf("Code de l’indicateur") + 1;
    const toDateColumn = header.indexOf("Réalisé à ce jour") + 1;
    for (const row of table.rows) {
      const line = sheet.getColumn(codeColumn).values.indexOf(row.indicator.code);
      expect(line, row.indicator.code).toBeGreaterThan(1);
      const value = sheet.getRow(line).getCell(toDateColumn).value;
      expect(value ?? null).toBe(row.toDate === null ? null : Number(row.toDate.value.toFixed(2)));
    }
  });
});

describe("long-format exports", () => {
  it("give a donor approved values only, never a comment, and staff every status", async () => {
    const p4 = await project("RW-REINT-P4");
    const donor = await valuesTable(as("donor.japan@baseline.test"), [p4.id], { approvedOnly: false, language: "en", today: "2026-11-23" });
    const staff = await valuesTable(as("staff@baseline.test"), [p4.id], { approvedOnly: false, language: "en", today: "2026-11-23" });
    const status = donor.columns.findIndex((c) => c.header === "status");
    expect(donor.rows.length).toBeGreaterThan(0);
    expect(new Set(donor.rows.map((r) => r[status]))).toEqual(new Set(["approved", "awaiting_approval"]));
    expect(donor.rows.every((r) => r[status + 1] === null)).toBe(true);
    // The period awaiting approval is a gap: a row per indicator entered by hand, without a figure.
    const gaps = donor.rows.filter((r) => r[status] === "awaiting_approval");
    const value = donor.columns.findIndex((c) => c.header === "value");
    expect(gaps.map((r) => r[3])).toEqual(gaps.map(() => "2026Q3"));
    expect(gaps.every((r) => r[value] === null && r[value + 1] === null)).toBe(true);
    expect(new Set(gaps.map((r) => r[1])).size).toBe(gaps.length);
    expect(new Set(staff.rows.map((r) => r[status])).size).toBeGreaterThan(1);
    const entered = await demo.db
      .select({ id: dataValues.id })
      .from(dataValues)
      .innerJoin(indicators, eq(dataValues.indicatorId, indicators.id))
      .where(eq(indicators.projectId, p4.id));
    expect(staff.rows).toHaveLength(entered.length);
  });

  it("refuse a project the viewer may not see", async () => {
    await expect(
      valuesTable(as("donor.netherlands@baseline.test"), [(await project("RW-REINT-P4")).id], { approvedOnly: false, language: "en", today: "2026-11-23" }),
    ).rejects.toThrow();
  });

  it("count beneficiaries per place, sex and group that add up to the unique people of the project", async () => {
    // Staff in review and approved only, and a donor (approved only whatever they ask).
    for (const [email, approvedOnly] of [
      ["staff@baseline.test", false],
      ["staff@baseline.test", true],
      ["donor.japan@baseline.test", false],
    ] as const) {
      const ctx = as(email);
      const p4 = await project("RW-REINT-P4");
      const table = await beneficiariesTable(ctx, [p4.id], { approvedOnly, language: "en" });
      const people = table.columns.findIndex((c) => c.header === "people");
      const reach = await getReach(ctx, [p4.id], { approvedOnly });
      expect(table.rows.reduce((s, r) => s + Number(r[people]), 0)).toBe(reach.uniqueDirect);
      const livestock = table.columns.findIndex((c) => c.header === "people_livestock");
      expect(table.rows.reduce((s, r) => s + Number(r[livestock]), 0)).toBe(reach.byService.livestock ?? 0);
    }
    expect((await getReach(as("staff@baseline.test"), [(await project("RW-REINT-P4")).id], { approvedOnly: true })).uniqueDirect).toBeLessThan(
      (await getReach(as("staff@baseline.test"), [(await project("RW-REINT-P4")).id])).uniqueDirect,
    );
  });

  it("list trainings with their participants, and individual records only for managers and admins", async () => {
    const p4 = await project("RW-REINT-P4");
    expect((await trainingsTable(as("staff@baseline.test"), [p4.id], { approvedOnly: false, language: "en" })).rows.length).toBeGreaterThan(0);
    expect((await recordsTable(as("manager@baseline.test"), p4.id)).rows.length).toBeGreaterThan(3000);
    expect((await recordsTable(as("admin@baseline.test"), p4.id)).columns.map((c) => c.header)[0]).toBe("external_id");
    for (const email of ["staff@baseline.test", "donor.japan@baseline.test"]) await expect(recordsTable(as(email), p4.id)).rejects.toThrow();
    // A manager reads the figures of their programme's earlier phases, not the people in them.
    await expect(recordsTable(as("manager@baseline.test"), (await project("RW-REINT-P3")).id)).rejects.toThrow();
  });
});

describe("the streamed CSV of every value", () => {
  it("holds exactly the rows of the values table, from its own read-only connection", async () => {
    const ids = (await demo.db.select({ id: projects.id }).from(projects)).map((p) => p.id);
    const ctx = as("staff@baseline.test");
    const expected = await valuesTable(ctx, ids, { approvedOnly: false, language: "fr", today: "2026-11-23" });
    const stream = demo.db.stream(valueRowsQuery(false, "fr", ids), "head\n", (row) => `${JSON.stringify(row)}\n`, 100);
    const text = await new Response(stream).text();
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("head");
    expect(lines.slice(1).map((l) => JSON.parse(l))).toEqual(expected.rows);
    expect(lines.length - 1).toBeGreaterThan(500);
    expect(rowsToCsv(["a"], [["=1+1"]])).toBe("a\r\n'=1+1\r\n");
  });
});
