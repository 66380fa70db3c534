import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeWorkbook } from "./xlsx";

describe("writeWorkbook", () => {
  it("writes sheets with a frozen header, widths, number formats and neutralised text, and reads back", async () => {
    const buffer = await writeWorkbook(
      [
        {
          name: "Indicateurs: suivi [2026]",
          frozenColumns: 1,
          columns: [
            { header: "Code", format: "text", width: 10 },
            { header: "Réel", format: "decimal", width: 12 },
          ],
          rows: [
            ["OP1.1", 5000],
            ['=HYPERLINK("http://example.invalid","x")', 78.5],
            ["Bénéficiaires", null],
          ],
        },
      ],
      { creator: "Baseline", created: new Date("2026-11-23T10:00:00Z") },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Indicateurs  suivi  2026 ");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet.getColumn(1).width).toBe(10);
    expect(sheet.getRow(1).values).toEqual([undefined, "Code", "Réel"]);
    expect(sheet.getCell("B2").value).toBe(5000);
    expect(sheet.getCell("B2").numFmt).toBe("#,##0");
    expect(sheet.getCell("B3").numFmt).toBe("#,##0.0#");
    expect(sheet.getCell("A3").value).toBe(`'=HYPERLINK("http://example.invalid","x")`);
    expect(sheet.getCell("A3").formula).toBeUndefined();
    expect(sheet.getCell("A4").value).toBe("Bénéficiaires");
  });
});
