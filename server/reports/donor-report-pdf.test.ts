import { eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { getDonorReport } from "../../db/figures/donor-report";
import { saveNarrative } from "../../db/data-entry/narratives";
import { getProjectOverview } from "../../db/projects/projects";
import { projects } from "../../db/tables";
import { demoDatabaseForTests } from "../../db/test-database";
import { formatNumber } from "../../lib/i18n/format";
import { indicatorCells } from "../../lib/i18n/indicator-cells";
import { translatorFor } from "../../lib/i18n/translator";
import { renderDonorReport } from "./donor-report-pdf";

const demo = demoDatabaseForTests();

// pdf.js gives spaces back as plain spaces, the narrow no-break space of French numbers included.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ").replace(/[ \t]+/g, " ");

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return plain((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
}

async function report(email: string, code: string, period: string, language: "en" | "fr") {
  const ctx = demo.as(email);
  const overview = (await getProjectOverview(ctx, code))!;
  const data = await getDonorReport(ctx, overview, period, language, "2026-11-23");
  const pdf = await renderDonorReport(data, translatorFor(language), language, "2026-11-23");
  return { data, pdf, text: await textOf(pdf) };
}

describe("the donor report", () => {
  it("is a PDF with real text in French: the dashboard's figures, French number formats, the narrative", async () => {
    const started = Date.now();
    const { data, pdf, text } = await report("staff@baseline.test", "RW-REINT-P4", "2026Q3", "fr");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(text).toContain("RAPPORT AU BAILLEUR");
    expect(text).toMatch(/Bénéficiaires directs\s+uniques/);
    const t = translatorFor("fr");
    for (const figure of data.dashboard.indicators.filter((f) => f.actual !== null && !f.indicator.isContext)) {
      const cells = indicatorCells(t, "fr", figure);
      expect(text, figure.indicator.code).toContain(plain(cells.actual!).split(" (")[0]);
    }
    expect(text).toContain(plain(formatNumber("fr", data.reach.uniqueDirect)));
    expect(data.reach.uniqueDirect).toBeGreaterThan(999);
    expect(formatNumber("fr", data.reach.uniqueDirect)).toContain("\u202f");
    expect(text).toContain("Faits marquants");
    expect(text).toContain("ont obtenu leur certificat");
    expect(text).toMatch(/Page 1 sur \d+/);
  });

  it("in English for a donor: approved figures only, nothing of a period not yet approved", async () => {
    const { data, text } = await report("donor.japan@baseline.test", "RW-REINT-P4", "2026Q3", "en");
    expect(data.dashboard.approvedOnly).toBe(true);
    expect(text).toContain("Approved figures only.");
    expect(text).toContain("No narrative was written for this period.");
    expect(text).not.toContain("graduated");
    const staff = await report("staff@baseline.test", "RW-REINT-P4", "2026Q3", "en");
    // Staff see the figures in review of 2026Q3; the donor sees them as approved up to 2026Q2.
    const actual = (d: typeof data, code: string) => d.dashboard.indicators.find((i) => i.indicator.code === code)?.actual?.value ?? null;
    expect(actual(data, "OP2.3")).toBeLessThan(actual(staff.data, "OP2.3")!);
    expect(text).toContain(formatNumber("en", actual(data, "OP2.3")!));
  });

  it("names the narrative's language when it exists in the other one only", async () => {
    const manager = demo.as("manager@baseline.test");
    const p4 = (await demo.db.select().from(projects).where(eq(projects.code, "RW-REINT-P4")))[0]!;
    expect((await saveNarrative(manager, { projectId: p4.id, period: "2026Q4", version: null }, { language: "en", highlights: "Workshops opened in Huye." })).kind).toBe("saved");
    const { data, text } = await report("staff@baseline.test", "RW-REINT-P4", "2026Q4", "fr");
    expect(data.narrative?.language).toBe("en");
    expect(text).toContain("Rédigé seulement en Anglais.");
    expect(text).toContain("Workshops opened in Huye.");
  });
});
