import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import { formatDate, formatNumber, formatPercent, formatPhase, formatRatio, localized } from "./format";
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

describe("formatting", () => {
  it("writes numbers as each language does", () => {
    expect(formatNumber("en", 5000)).toBe("5,000");
    expect(formatNumber("fr", 5000)).toBe("5\u202f000");
    expect(formatNumber("en", 40550)).toBe("40,550");
  });

  it("writes dates as each language does", () => {
    expect(formatDate("en", "2026-11-23")).toBe("23 Nov 2026");
    expect(formatDate("fr", "2026-11-23")).toBe("23 nov. 2026");
  });

  it("writes percentages as each language does", () => {
    expect(formatPercent("en", 78)).toBe("78%");
    expect(formatPercent("fr", 63)).toBe("63\u202f%"); // the narrow no-break space of French typography
    expect(formatRatio("en", 0.64)).toBe("64%");
    expect(formatRatio("en", 1.2)).toBe("120%");
  });

  it("writes phases in Roman numerals", () => {
    expect([1, 3, 4, 12, 13].map(formatPhase)).toEqual(["I", "III", "IV", "XII", "13"]);
  });

  it("shows the French text where it exists", () => {
    expect(localized("fr", "Trainers trained", "Formateurs formés")).toBe("Formateurs formés");
    expect(localized("fr", "Rutshuru", null)).toBe("Rutshuru");
    expect(localized("en", "Trainers trained", "Formateurs formés")).toBe("Trainers trained");
  });
});

describe("the messages", () => {
  const keys = (messages: object, prefix = ""): string[] =>
    Object.entries(messages).flatMap(([key, value]) => (typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

  it("exist in English and in French, each of them", () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it("are well-formed ICU messages in both languages", () => {
    for (const [language, messages] of [["en", en], ["fr", fr]] as const) {
      for (const key of keys(messages)) {
        const message = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(() => new IntlMessageFormat(message as string, language), `${language} ${key}`).not.toThrow();
      }
    }
  });
});
