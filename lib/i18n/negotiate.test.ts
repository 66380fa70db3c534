import { describe, expect, it } from "vitest";
import { chooseLanguage, negotiateLanguage } from "./negotiate";

describe("negotiateLanguage", () => {
  it("follows the browser's preferences", () => {
    expect(negotiateLanguage("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("fr");
    expect(negotiateLanguage("de-DE, fr;q=0.5, en;q=0.9")).toBe("en");
    expect(negotiateLanguage("en;q=0.2, fr-CA;q=0.8")).toBe("fr");
  });

  it("falls back to English", () => {
    expect(negotiateLanguage(undefined)).toBe("en");
    expect(negotiateLanguage("")).toBe("en");
    expect(negotiateLanguage("de, it")).toBe("en");
    expect(negotiateLanguage("fr;q=0")).toBe("en");
  });
});

describe("chooseLanguage", () => {
  it("prefers the user's choice, then this browser's choice, then the browser's language", () => {
    expect(chooseLanguage("en", "fr", "fr")).toBe("en");
    expect(chooseLanguage(null, "en", "fr")).toBe("en");
    expect(chooseLanguage(null, undefined, "fr-FR")).toBe("fr");
    expect(chooseLanguage("xx", "yy", null)).toBe("en");
  });
});
