import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, neutralise, rowsToCsv, UTF8_BOM } from "./csv";

describe("neutralise", () => {
  it("makes text that a spreadsheet would run as a formula plain text", () => {
    for (const text of ['=HYPERLINK("http://example.invalid","x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(neutralise(text)).toBe(`'${text}`);
  });
  it("leaves other text as typed", () => {
    for (const text of ["Huye", "", "a=b", " =x", "Bénéficiaires"]) expect(neutralise(text)).toBe(text);
  });
});

describe("rowsToCsv", () => {
  it("writes a header and the rows, quoting and neutralising formulas, numbers as numbers", () => {
    expect(
      rowsToCsv(
        ["place", "value"],
        [
          ["Huye, South", 3],
          ["=HYPERLINK()", null],
          ["x", -5],
        ],
      ),
    ).toBe(`place,value\r\n"Huye, South",3\r\n'=HYPERLINK(),\r\n"x",-5\r\n`.replace('"x"', "x"));
  });
  it("uses semicolons and decimal commas for French Excel, and parses back", () => {
    const text = rowsToCsv(
      ["lieu", "valeur"],
      [
        ["Huye; Sud", 78.5],
        ['Dit "oui"', 3],
      ],
      "semicolon",
    );
    expect(text).toBe(`lieu;valeur\r\n"Huye; Sud";78,5\r\n"Dit ""oui""";3\r\n`);
    expect(parse(UTF8_BOM + text, { delimiter: ";", bom: true })).toEqual([
      ["lieu", "valeur"],
      ["Huye; Sud", "78,5"],
      ['Dit "oui"', "3"],
    ]);
  });
  it("quotes line breaks", () => {
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });
});
