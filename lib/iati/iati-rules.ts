// The rules of the IATI validator (ruleset standard.json, version 2.03) that touch Baseline, listed
// in ../shared/iati/README.md, checked on a parsed activity. The XML schema checks the rest.
import type { IatiActivity } from "./activity";

export type RuleBreach = { rule: string; activity: string; detail: string };

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const plainNumber = (v: number) => /^-?\d+(\.\d+)?$/.test(String(Number(v.toFixed(4))));

export function checkIatiRules(activities: readonly IatiActivity[], today: string): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  for (const a of activities) {
    const breach = (rule: string, detail: string) => breaches.push({ rule, activity: a.identifier, detail });
    if (!a.identifier.startsWith(`${a.reportingOrg.ref}-`)) breach("1.1.21", "identifier does not start with the reporting organisation's ref");
    if (!a.currency) breach("7.8.1", "no default currency");
    if (!a.dates.some((d) => d.type === "1" || d.type === "2")) breach("6.11.1", "no start date");
    if (a.sectors.length === 0) breach("6.2.2", "no sector");
    if (a.sectors.length > 0 && Math.abs(a.sectors.reduce((s, x) => s + x.percentage, 0) - 100) > 0.001) breach("2.1", "sector percentages do not add up to 100");
    for (const b of a.budgets) {
      if (daysBetween(b.start, b.end) > 365) breach("7.5.3", `budget ${b.start}..${b.end} longer than a year`);
      if (b.start > b.end) breach("8.6.3", `budget ${b.start}..${b.end} ends before it starts`);
    }
    const date = (type: string) => a.dates.find((d) => d.type === type)?.date;
    if ((date("1") ?? "") > (date("3") ?? "9999")) breach("11.1", "planned start after planned end");
    for (const d of a.dates.filter((x) => x.type === "2" || x.type === "4")) if (d.date > today) breach("11.1", `actual date ${d.date} in the future`);
    if (a.lastUpdated.slice(0, 10) > today) breach("11.1", "last updated in the future");
    for (const p of a.participating) if (!p.ref && !p.name.en) breach("6.10.1", "participating organisation without ref or name");
    for (const r of a.results) {
      for (const i of r.indicators) {
        if (i.baseline && !plainNumber(i.baseline.value)) breach("8.8.2", `${i.title.en}: baseline not a plain number`);
        for (const p of i.periods) {
          if (p.start > p.end) breach("8.6.1", `${i.title.en}: period ${p.start}..${p.end} ends before it starts`);
          for (const v of [...p.targets, ...p.actuals]) {
            if (!Number.isFinite(v.value) || !plainNumber(v.value)) breach("8.9.2", `${i.title.en}: value ${v.value} not a plain number`);
            if (i.measure === "2" && (v.value < 0 || v.value > 100) && !v.dimensions) breach("measure", `${i.title.en}: percentage ${v.value} outside 0-100`);
          }
        }
      }
    }
  }
  return breaches;
}
