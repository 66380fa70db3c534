import type { Language } from "../domain/codes";
import { parsePeriod } from "../periods/period";

// Numbers and dates as each language writes them: 5,000 and 23 Nov 2026 in English; 5 000 and
// 23 nov. 2026 in French. British English gives the day-month-year order.
const INTL_LOCALE: Record<Language, string> = { en: "en-GB", fr: "fr-FR" };

// Making a formatter costs far more than using one: a page of a thousand figures reuses them. Each
// is made at its first use, not when this module loads: in a browser the first Intl object of a page
// costs its locale data (45-110 ms), which a page that formats nothing while loading need not pay.
const formatters = new Map<string, unknown>();
function reused<T>(key: string, make: () => T): T {
  if (!formatters.has(key)) formatters.set(key, make());
  return formatters.get(key) as T;
}
const numberFormat = (language: Language, maximumFractionDigits: number) =>
  reused(`number|${language}|${maximumFractionDigits}`, () => new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits }));
const dateFormat = (language: Language) =>
  reused(`date|${language}`, () => new Intl.DateTimeFormat(INTL_LOCALE[language], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }));

export function formatNumber(language: Language, value: number, maximumFractionDigits = 1): string {
  return numberFormat(language, maximumFractionDigits).format(value);
}

/**
 * A fraction as a percentage in a locale ("en-GB", "fr-FR"), 0.64 giving 64%. Intl puts a full
 * no-break space before % in French; French typography wants the narrow one (U+202F), as before : ; ! ?.
 */
export function percentFormatter(locale: string, maximumFractionDigits: number): { format(ratio: number): string } {
  const format = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits });
  return { format: (ratio) => format.format(ratio).replace(/\u00a0%/, "\u202f%") };
}

const percentFormat = (language: Language, maximumFractionDigits: number) =>
  reused(`percent|${language}|${maximumFractionDigits}`, () => percentFormatter(INTL_LOCALE[language], maximumFractionDigits));

/** A percentage given as 0-100 (78 gives 78%, 78 % in French). */
export function formatPercent(language: Language, value: number, maximumFractionDigits = 1): string {
  return percentFormat(language, maximumFractionDigits).format(value / 100);
}

/** A fraction as a percentage (0.64 gives 64%). */
export function formatRatio(language: Language, ratio: number): string {
  return percentFormat(language, 0).format(ratio);
}

/** A calendar date given as "2026-11-23". */
export function formatDate(language: Language, isoDate: string): string {
  return withFrenchFirst(language, dateFormat(language).formatToParts(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)));
}

/** French writes the first day of a month as an ordinal: "1er juil. 2024", not "1 juil. 2024". */
function withFrenchFirst(language: Language, parts: Intl.DateTimeFormatPart[]): string {
  return parts.map((part) => (language === "fr" && part.type === "day" && Number(part.value) === 1 ? "1er" : part.value)).join("");
}

const QUARTER_LETTER: Record<Language, string> = { en: "Q", fr: "T" };
const monthFormat = (language: Language) =>
  reused(`month|${language}`, () => new Intl.DateTimeFormat(INTL_LOCALE[language], { month: "long", year: "numeric", timeZone: "UTC" }));

/**
 * A reporting period as readers name it: "Q2 2026" in English, "T2 2026" (trimestre) in French,
 * "May 2026", "mai 2026". Identifiers stay "2026Q2" in addresses, the API and the files; only
 * screens and sentences show this label. Not a period: shown as it is.
 */
export function formatPeriod(language: Language, id: string): string {
  const period = parsePeriod(id);
  if (!period) return id;
  if (period.type === "year") return id;
  // A no-break space: the quarter and its year stay on one line.
  if (period.type === "quarter") return `${QUARTER_LETTER[language]}${period.index}\u00a0${period.year}`;
  return monthFormat(language).format(new Date(`${period.start}T00:00:00Z`));
}

const listFormat = (language: Language, type: "conjunction" | "disjunction") =>
  reused(`list|${language}|${type}`, () => new Intl.ListFormat(INTL_LOCALE[language], { type }));

/** Items joined as a sentence: "2026Q1, 2026Q2 and 2026Q3"; "2026Q1, 2026Q2 et 2026Q3". */
export function formatList(language: Language, items: readonly string[]): string {
  return listFormat(language, "conjunction").format(items);
}

/** Choices joined as a sentence: "female, male or unknown"; "female, male ou unknown". */
export function formatAlternatives(language: Language, items: readonly string[]): string {
  return listFormat(language, "disjunction").format(items);
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

/** An instant as date and time to the second in a time zone: "30 Nov 2026, 16:02:11"; "30 nov. 2026, 16:02:11". */
export function formatDateTime(language: Language, instant: string, timeZone: string): string {
  const format = reused(
    `dateTime|${language}|${timeZone}`,
    () => new Intl.DateTimeFormat(INTL_LOCALE[language], { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone }),
  );
  return withFrenchFirst(language, format.formatToParts(new Date(instant)));
}
