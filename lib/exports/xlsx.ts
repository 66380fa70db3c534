import ExcelJS from "exceljs";
import { neutralise } from "./csv";
import type { ExportTable } from "./table";

const INTEGER = "#,##0";
const DECIMAL = "#,##0.0#";

/**
 * An Excel workbook of tables, one sheet each: a bold, frozen header row (and the first
 * `frozenColumns` columns), column widths, number formats; text neutralised against formulas.
 */
export async function writeWorkbook(tables: readonly (ExportTable & { frozenColumns?: number })[], meta: { creator: string; created: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.created = meta.created;
  for (const table of tables) {
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    const sheet = workbook.addWorksheet(table.name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), {
      views: [{ state: "frozen", xSplit: table.frozenColumns ?? 0, ySplit: 1 }],
    });
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { vertical: "top", wrapText: true };
    for (const values of table.rows) {
      const row = sheet.addRow(values.map((v) => (typeof v === "string" ? neutralise(v) : v)));
      values.forEach((value, index) => {
        if (typeof value === "number") row.getCell(index + 1).numFmt = Number.isInteger(value) ? INTEGER : DECIMAL;
      });
    }
    for (const [rowIndex, columnIndex] of table.marked?.cells ?? []) {
      // Row 1 is the header: the table's first row is the sheet's second.
      const cell = sheet.getRow(rowIndex + 2).getCell(columnIndex + 1);
      cell.font = { italic: true, color: { argb: "FF8A5A00" } };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF4D6" } };
      cell.note = table.marked?.note ?? "";
    }
    if (table.rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
