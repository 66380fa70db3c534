import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { decodeText, NoSuchSheetError, readCsvSource, readXlsxSource, UnreadableFileError } from "./read-source";

type Row = [number, string[]];
const all = () => null;

/** A workbook as Kobo writes one: strings inline, through exceljs's streaming writer. */
async function workbook(sheets: Record<string, (string | number | Date)[][]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await book.commit();
  return Buffer.concat(chunks);
}

describe("readXlsxSource", () => {
  it("reads accents that straddle the chunks the workbook is inflated in", async () => {
    // 60,000 two-byte characters span several 16 kB chunks: at least one boundary falls inside one.
    const long = "é".repeat(60_000);
    const rows: Row[] = [];
    const read = await readXlsxSource(
      await workbook({
        Feuil1: [
          ["Sexe", "Remarque"],
          ["Femme", long],
          ["Homme", "Rapatrié"],
        ],
      }),
      null,
      all,
      (line, cells) => rows.push([line, cells]),
    );
    expect(read).toEqual({ header: ["Sexe", "Remarque"], sheets: ["Feuil1"], sheet: "Feuil1" });
    expect(rows[0]![1][1]).toBe(long);
    expect(rows[1]).toEqual([3, ["Homme", "Rapatrié"]]);
  });

  it("reads the sheet asked for, keeps only the columns asked for, and writes dates as ISO dates", async () => {
    const bytes = await workbook({ Notes: [["x"], ["y"]], Enregistrement: [["_uuid", "date", "age"], ["a", new Date(Date.UTC(2026, 2, 14)), 34], [], ["b", "2026-03-15", ""]] });
    const rows: Row[] = [];
    const read = await readXlsxSource(
      bytes,
      "Enregistrement",
      () => new Set(["_uuid", "date"]),
      (line, cells) => rows.push([line, cells]),
    );
    expect(read.sheets).toEqual(["Notes", "Enregistrement"]);
    expect(rows).toEqual([
      [2, ["a", "2026-03-14", ""]],
      [4, ["b", "2026-03-15", ""]],
    ]);
    await expect(readXlsxSource(bytes, "Feuil3", all, () => {})).rejects.toEqual(new NoSuchSheetError("Feuil3", ["Notes", "Enregistrement"]));
    await expect(readXlsxSource(Buffer.from("PK\u0003\u0004 broken"), null, all, () => {})).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe("readCsvSource", () => {
  it("reads semicolons or commas, UTF-8 with a BOM, and skips the template's notes and empty rows", () => {
    const rows: Row[] = [];
    const { header } = readCsvSource(Buffer.from('\uFEFF# a note\n"_uuid";"Sexe"\n"a";"Femme"\n;\n"b";"Homme, rapatrié"\n', "utf8"), all, (line, cells) =>
      rows.push([line, cells]),
    );
    expect(header).toEqual(["_uuid", "Sexe"]);
    expect(rows).toEqual([
      [3, ["a", "Femme"]],
      [5, ["b", "Homme, rapatrié"]],
    ]);
  });

  it("reads Windows-1252 as Excel saves a CSV, and UTF-8 as UTF-8", () => {
    expect(decodeText(Buffer.from("Rapatrié;Communauté", "latin1"))).toBe("Rapatrié;Communauté");
    expect(decodeText(Buffer.from("Rapatrié;Communauté", "utf8"))).toBe("Rapatrié;Communauté");
    expect(() => readCsvSource(Buffer.from('a,b\n"unclosed,1\n'), all, () => {})).toThrow(UnreadableFileError);
  });
});
