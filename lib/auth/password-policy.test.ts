import { describe, expect, it } from "vitest";
import { checkNewPassword } from "./password-policy";

describe("checkNewPassword", () => {
  const person = { email: "amina.uwase@example.org", name: "Amina Uwase" };
  it("takes a long password of one's own", () => {
    expect(checkNewPassword("correct horse battery staple", person)).toBeNull();
    expect(checkNewPassword("Kigali-2026-returnees!", person)).toBeNull();
  });
  it("refuses short, common and personal passwords", () => {
    expect(checkNewPassword("Sh0rt!pass", person)).toBe("password_too_short");
    expect(checkNewPassword("x".repeat(201), person)).toBe("password_too_long");
    for (const p of ["password1234", "123456789012", "qwertyuiop123", "1qaz2wsx3edc", "LeaveMeAlone"]) expect(checkNewPassword(p, person), p).toBe("password_common");
    expect(checkNewPassword("amina.uwase-2026", person)).toBe("password_common");
    expect(checkNewPassword("my name is AminaUwase", person)).toBe("password_common");
  });
});
