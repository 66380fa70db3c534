import { describe, expect, it } from "vitest";
import { exportFileName } from "./file-name";

describe("exportFileName", () => {
  it("names what the file holds and the day", () => {
    expect(exportFileName(["RW-REINT-P4", "tracking"], "2026-11-30T10:00:00Z", "xlsx")).toBe("RW-REINT-P4-tracking-2026-11-30.xlsx");
    expect(exportFileName(["RW-REINT-P4", "tracking"], "2026-11-30", "csv")).toBe("RW-REINT-P4-tracking-2026-11-30.csv");
  });

  it("gives the semicolon CSV a name of its own", () => {
    const comma = exportFileName(["audit-trail"], "2026-11-30", "csv", "comma");
    const semicolon = exportFileName(["audit-trail"], "2026-11-30", "csv", "semicolon");
    expect(semicolon).toBe("audit-trail-2026-11-30-semicolons.csv");
    expect(semicolon).not.toBe(comma);
  });
});
