import { el, type XmlNode } from "./xml";

// An IATI 2.03 activity (https://iatistandard.org/en/iati-standard/203/activity-standard/), built
// from a plain description of it, its elements in the order the schema requires.

export type Narratives = { en: string; fr: string | null };

export type IatiValue = { value: number; locationRef?: string; dimensions?: { name: string; value: string }[] };
export type IatiPeriod = { start: string; end: string; targets: IatiValue[]; actuals: IatiValue[] };
export type IatiIndicator = {
  /** IndicatorMeasure: 1 unit, 2 percentage (values 0-100). */
  measure: "1" | "2";
  ascending: boolean;
  /** Whether the figures add up across activities: not percentages and means of ratios. */
  aggregates: boolean;
  title: Narratives;
  description: Narratives;
  baseline: { year: number; value: number } | null;
  periods: IatiPeriod[];
};
export type IatiResult = { type: "1" | "2" | "3"; title: Narratives; indicators: IatiIndicator[] };
export type IatiOrganisation = { ref: string | null; type: string | null; name: Narratives };

export type IatiActivity = {
  identifier: string;
  hierarchy: 1 | 2;
  reportingOrg: IatiOrganisation & { ref: string };
  title: Narratives;
  description: Narratives | null;
  participating: (IatiOrganisation & { role: "1" | "2" | "3" | "4" })[];
  /** ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed. */
  status: "1" | "2" | "3" | "4";
  dates: { type: "1" | "2" | "3" | "4"; date: string }[];
  recipientCountry: string;
  locations: { ref: string; name: Narratives; latitude: number | null; longitude: number | null }[];
  sectors: { code: string; percentage: number }[];
  currency: string;
  budgets: { start: string; end: string; value: number }[];
  related: { type: "1" | "2"; ref: string }[];
  results: IatiResult[];
  lastUpdated: string;
};

function narratives(name: string, text: Narratives, attributes: Record<string, string> = {}): XmlNode {
  return el(name, attributes, el("narrative", { "xml:lang": "en" }, text.en), text.fr ? el("narrative", { "xml:lang": "fr" }, text.fr) : null);
}

function organisation(name: string, org: IatiOrganisation, attributes: Record<string, string | null> = {}): XmlNode {
  return el(name, { ref: org.ref, type: org.type, ...attributes }, el("narrative", { "xml:lang": "en" }, org.name.en), org.name.fr ? el("narrative", { "xml:lang": "fr" }, org.name.fr) : null);
}

/** Numbers as plain decimals (no exponent), as the validator wants them. */
const decimal = (value: number) => String(Number(value.toFixed(4)));

function values(name: "target" | "actual", list: readonly IatiValue[]): XmlNode[] {
  return list.map((v) =>
    el(
      name,
      { value: decimal(v.value) },
      v.locationRef ? el("location", { ref: v.locationRef }) : null,
      (v.dimensions ?? []).map((d) => el("dimension", { name: d.name, value: d.value })),
    ),
  );
}

function indicator(i: IatiIndicator): XmlNode {
  return el(
    "indicator",
    { measure: i.measure, ascending: i.ascending ? "1" : "0", "aggregation-status": i.aggregates ? "1" : "0" },
    narratives("title", i.title),
    narratives("description", i.description),
    i.baseline ? el("baseline", { year: i.baseline.year, "iso-date": `${i.baseline.year}-01-01`, value: decimal(i.baseline.value) }) : null,
    i.periods.map((p) => el("period", {}, el("period-start", { "iso-date": p.start }), el("period-end", { "iso-date": p.end }), values("target", p.targets), values("actual", p.actuals))),
  );
}

export function activityXml(a: IatiActivity): XmlNode {
  return el(
    "iati-activity",
    { "xml:lang": "en", "default-currency": a.currency, "last-updated-datetime": a.lastUpdated, hierarchy: a.hierarchy },
    el("iati-identifier", {}, a.identifier),
    organisation("reporting-org", a.reportingOrg),
    narratives("title", a.title),
    a.description ? narratives("description", a.description, { type: "1" }) : null,
    a.participating.map((p) => organisation("participating-org", p, { role: p.role })),
    el("activity-status", { code: a.status }),
    a.dates.map((d) => el("activity-date", { type: d.type, "iso-date": d.date })),
    el("recipient-country", { code: a.recipientCountry, percentage: "100" }),
    a.locations.map((l) =>
      el(
        "location",
        { ref: l.ref },
        el("location-reach", { code: "1" }),
        narratives("name", l.name),
        l.latitude !== null && l.longitude !== null ? el("point", { srsName: "http://www.opengis.net/def/crs/EPSG/0/4326" }, el("pos", {}, `${l.latitude} ${l.longitude}`)) : null,
        // Approximate: the centre of a district or territory, never a site.
        el("exactness", { code: "2" }),
        el("location-class", { code: "1" }),
      ),
    ),
    a.sectors.map((s) => el("sector", { vocabulary: "1", code: s.code, percentage: decimal(s.percentage) })),
    a.budgets.map((b) =>
      el("budget", { type: "1", status: "1" }, el("period-start", { "iso-date": b.start }), el("period-end", { "iso-date": b.end }), el("value", { currency: a.currency, "value-date": b.start }, decimal(b.value))),
    ),
    a.related.map((r) => el("related-activity", { ref: r.ref, type: r.type })),
    a.results.map((r) => el("result", { type: r.type, "aggregation-status": r.indicators.every((i) => i.aggregates) ? "1" : "0" }, narratives("title", r.title), r.indicators.map(indicator))),
  );
}

/** An IATI activities file. */
export function activitiesXml(activities: readonly IatiActivity[], generatedAt: string): XmlNode {
  return el("iati-activities", { version: "2.03", "generated-datetime": generatedAt }, activities.map(activityXml));
}
