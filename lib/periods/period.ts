import type { ReportingFrequency } from "../domain/codes";

// Reporting periods are named as DHIS2 names them: "2024" (year), "2024Q1" (quarter), "202401" (month).
// Dates are ISO strings ("2024-03-31"); all arithmetic is on calendar dates, free of time zones.

export type PeriodType = "year" | "quarter" | "month";
export type Period = { id: string; type: PeriodType; year: number; index: number; start: string; end: string };

const PATTERNS: [PeriodType, RegExp][] = [
  ["year", /^(\d{4})$/],
  ["quarter", /^(\d{4})Q([1-4])$/],
  ["month", /^(\d{4})(0[1-9]|1[0-2])$/],
];

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function build(type: PeriodType, year: number, index: number): Period {
  const [firstMonth, lastMonth] =
    type === "year" ? [1, 12] : type === "quarter" ? [index * 3 - 2, index * 3] : [index, index];
  const id = type === "year" ? `${year}` : type === "quarter" ? `${year}Q${index}` : `${year}${pad(index)}`;
  return {
    id,
    type,
    year,
    index,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

/** Parses a period name; null when it is not one. */
export function parsePeriod(id: string): Period | null {
  for (const [type, pattern] of PATTERNS) {
    const match = pattern.exec(id);
    if (!match) continue;
    const year = Number(match[1]);
    if (year < 1900 || year > 2200) return null;
    return build(type, year, type === "year" ? 1 : Number(match[2]));
  }
  return null;
}

export function isPeriod(id: string): boolean {
  return parsePeriod(id) !== null;
}

function mustParse(id: string): Period {
  const period = parsePeriod(id);
  if (!period) throw new RangeError(`Not a reporting period: "${id}"`);
  return period;
}

export const FREQUENCY_PERIOD_TYPE: Record<ReportingFrequency, PeriodType> = {
  yearly: "year",
  quarterly: "quarter",
  monthly: "month",
};

/** The period of the given type that contains a date. */
export function periodOfDate(date: string, type: PeriodType): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return build(type, year, type === "year" ? 1 : type === "quarter" ? Math.ceil(month / 3) : month);
}

/** Orders periods by their last day; of two that end the same day, the longer (2024) comes after the shorter (2024Q4). */
export function comparePeriods(a: string, b: string): number {
  const pa = mustParse(a);
  const pb = mustParse(b);
  if (pa.end !== pb.end) return pa.end < pb.end ? -1 : 1;
  if (pa.start !== pb.start) return pa.start > pb.start ? -1 : 1;
  return 0;
}

/**
 * The periods of a project (of its type, between its dates) from `from` to `to`, each bound optional
 * and included: what a query of a range asks the database for.
 */
export function periodsWithin(start: string, end: string, type: PeriodType, range: { from?: string; to?: string }): string[] {
  return periodsBetween(start, end, type).filter((p) => (!range.from || comparePeriods(p, range.from) >= 0) && (!range.to || comparePeriods(p, range.to) <= 0));
}

export function nextPeriod(id: string): string {
  const p = mustParse(id);
  if (p.type === "year") return build("year", p.year + 1, 1).id;
  const last = p.type === "quarter" ? 4 : 12;
  return p.index === last ? build(p.type, p.year + 1, 1).id : build(p.type, p.year, p.index + 1).id;
}

export function previousPeriod(id: string): string {
  const p = mustParse(id);
  if (p.type === "year") return build("year", p.year - 1, 1).id;
  const last = p.type === "quarter" ? 4 : 12;
  return p.index === 1 ? build(p.type, p.year - 1, last).id : build(p.type, p.year, p.index - 1).id;
}

/** Every period of a type that overlaps the dates from `start` to `end`, inclusive, in order. */
export function periodsBetween(start: string, end: string, type: PeriodType): string[] {
  if (start > end) return [];
  const periods: string[] = [];
  for (let id = periodOfDate(start, type).id; mustParse(id).start <= end; id = nextPeriod(id)) periods.push(id);
  return periods;
}

/** True when the period overlaps the dates from `start` to `end`. */
export function periodOverlaps(id: string, start: string, end: string): boolean {
  const p = mustParse(id);
  return p.start <= end && p.end >= start;
}

/** True once the period's first day has come. */
export function periodHasBegun(id: string, today: string): boolean {
  return mustParse(id).start <= today;
}

/** True when the whole of `inner` lies within `outer` (2024Q2 within 2024). */
export function periodContains(outer: string, inner: string): boolean {
  const o = mustParse(outer);
  const i = mustParse(inner);
  return o.start <= i.start && i.end <= o.end;
}

export function periodStart(id: string): string {
  return mustParse(id).start;
}

export function periodEnd(id: string): string {
  return mustParse(id).end;
}

/**
 * The reporting period of a project that a record dated `date` (a service, the end of a training)
 * belongs to: the period containing it, or the first or last period for a date before or after the
 * project's dates, so that every record belongs to exactly one period.
 */
export function periodOfRecord(date: string, type: PeriodType, projectStart: string, projectEnd: string): string {
  return periodOfDate(date < projectStart ? projectStart : date > projectEnd ? projectEnd : date, type).id;
}

/** The calendar day after a date ("2026-09-30" gives "2026-10-01"): when a period's figures fall due. */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
