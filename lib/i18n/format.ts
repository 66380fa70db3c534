import type { Language } from "../domain/codes";

// Numbers and dates as each language writes them: 5,000 and 23 Nov 2026 in English; 5 000 and
// 23 nov. 2026 in French. British English gives the day-month-year order.
const INTL_LOCALE: Record<Language, string> = { en: "en-GB", fr: "fr-FR" };

export function formatNumber(language: Language, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits }).format(value);
}

/** A percentage given as 0-100 (78 gives 78%, 78 % in French). */
export function formatPercent(language: Language, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { style: "percent", maximumFractionDigits }).format(value / 100);
}

/** A fraction as a percentage (0.64 gives 64%). */
export function formatRatio(language: Language, ratio: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

/** A calendar date given as "2026-11-23". */
export function formatDate(language: Language, isoDate: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

/** Phases are written in Roman numerals, as programmes name them: Phase IV. */
export function formatPhase(phase: number): string {
  return ROMAN[phase - 1] ?? String(phase);
}

/** Picks the text in the language when it exists, else the English one. */
export function localized(language: Language, english: string, french: string | null | undefined): string {
  return language === "fr" && french ? french : english;
}
