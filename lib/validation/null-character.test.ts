import { describe, expect, it } from "vitest";
import { holdsNullCharacter } from "./null-character";

describe("holdsNullCharacter", () => {
  it("finds U+0000 in any text or key, however deep", () => {
    expect(holdsNullCharacter([{ comment: "fine" }, { comment: "a\u0000b" }])).toBe(true);
    expect(holdsNullCharacter({ ["k\u0000"]: 1 })).toBe(true);
    expect(holdsNullCharacter({ a: { b: [["\u0000"]] } })).toBe(true);
  });

  it("leaves every other text alone, other control and invisible characters included", () => {
    expect(holdsNullCharacter([{ comment: "\u202e\ufeff\u0001 Kigali, 12 %" }, 3, null, true])).toBe(false);
    expect(holdsNullCharacter("\\u0000 typed as six characters")).toBe(false);
  });
});
