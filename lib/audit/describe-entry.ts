import type { Language } from "../domain/codes";
import { formatDateTime, formatList, formatNumber, formatPeriod, localized } from "../i18n/format";
import type { Translator } from "../i18n/translator";

// The audit trail as people read it: each entry a sentence in the reader's language, built from
// what the entry recorded (its action and details) and the names of what it names.

export type AuditEntry = { action: string; userName: string | null; projectCode: string | null; entityId: number | null; details: string | null };

/** The names an entry's details refer to by id or code. */
export type AuditNames = {
  indicators: ReadonlyMap<number, string>;
  places: ReadonlyMap<string, string>;
  users: ReadonlyMap<number, string>;
  /** "sex=female" -> "Sex: Female", in the reader's language. */
  options: ReadonlyMap<string, string>;
};

type Figure = { value?: number | null; numerator?: number | null; denominator?: number | null } | null | undefined;
type Details = Record<string, unknown>;

const text = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : []);

function parse(details: string | null): Details {
  try {
    const parsed: unknown = JSON.parse(details ?? "{}");
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Details) : {};
  } catch {
    return {};
  }
}

function figure(language: Language, f: Figure, none: string): string {
  if (!f) return none;
  if (typeof f.value === "number") return formatNumber(language, f.value);
  if (typeof f.numerator === "number" && typeof f.denominator === "number") return `${formatNumber(language, f.numerator)}/${formatNumber(language, f.denominator)}`;
  return none;
}

/** "OP2.3 · Gisagara · Q4 2026", with the option when the figure is one ("· Sex: Female"). */
function cell(details: Details, names: AuditNames, language: Language): string {
  const c = (details.cell ?? {}) as { indicatorId?: number; period?: string; locationCode?: string; disaggregation?: string };
  const parts = [
    typeof c.indicatorId === "number" ? (names.indicators.get(c.indicatorId) ?? `#${c.indicatorId}`) : "?",
    c.locationCode ? (names.places.get(c.locationCode) ?? c.locationCode) : "?",
    c.period ? formatPeriod(language, c.period) : "?",
  ];
  if (c.disaggregation)
    parts.push(
      c.disaggregation
        .split("|")
        .map((o) => names.options.get(o) ?? o)
        .join(", "),
    );
  return parts.join(" · ");
}

/** The sentence of one entry in the reader's language; an action it does not know is named as recorded. */
export function describeAuditEntry(entry: AuditEntry, names: AuditNames, t: Translator, language: Language): string {
  const d = parse(entry.details);
  const who = entry.userName ?? t("audit.system");
  const project = entry.projectCode ?? "";
  const comment = text(d.comment) || text(d.reason);
  const withComment = (sentence: string) => (comment ? t("audit.withComment", { sentence, comment }) : sentence);
  const person = entry.entityId === null ? "?" : (names.users.get(entry.entityId) ?? `#${entry.entityId}`);
  const none = t("audit.nothing");
  switch (entry.action) {
    case "data_value.create":
      return withComment(t("audit.sentence.valueCreate", { who, cell: cell(d, names, language), after: figure(language, d.after as Figure, none) }));
    case "data_value.update":
      return withComment(
        t("audit.sentence.valueUpdate", {
          who,
          cell: cell(d, names, language),
          before: figure(language, d.before as Figure, none),
          after: figure(language, d.after as Figure, none),
        }),
      );
    case "data_value.delete":
      return withComment(t("audit.sentence.valueDelete", { who, cell: cell(d, names, language), before: figure(language, d.before as Figure, none) }));
    case "period.submit":
    case "period.approve":
    case "period.return":
    case "period.reopen":
    case "period.mark_not_reported":
    case "period.edit_returned":
      return withComment(t(`audit.sentence.${entry.action.replace("period.", "period_") as "period_submit"}`, { who, period: formatPeriod(language, text(d.period)), project }));
    case "narrative.create":
    case "narrative.update":
      return t(entry.action === "narrative.create" ? "audit.sentence.narrativeCreate" : "audit.sentence.narrativeUpdate", {
        who,
        period: formatPeriod(language, text(d.period)),
        project,
        language: t(`users.languageName.${d.language === "fr" ? "fr" : "en"}`),
      });
    case "project.create":
    case "project.update":
    case "project.close":
      return t(`audit.sentence.${entry.action.replace("project.", "project_") as "project_create"}`, { who, project: project || text((d.after as Details | undefined)?.code) });
    case "indicator.create":
    case "indicator.update":
    case "result.create":
    case "result.update": {
      const code = text((d.after as Details | undefined)?.code) || text((d.before as Details | undefined)?.code);
      return t(`audit.sentence.${entry.action.replace(".", "_") as "indicator_create"}`, { who, code, project });
    }
    case "training.create":
    case "training.update":
      return t(entry.action === "training.create" ? "audit.sentence.trainingCreate" : "audit.sentence.trainingUpdate", {
        who,
        title: text((d.after as Details | undefined)?.title),
        project,
      });
    case "beneficiary.import":
      return t("audit.sentence.import", {
        who,
        project,
        file: text(d.fileName),
        added: Number(d.peopleAdded ?? 0),
        changed: Number(d.peopleChanged ?? 0),
        services: Number(d.servicesAdded ?? 0),
      });
    case "import_mapping.create":
    case "import_mapping.update":
    case "import_mapping.delete": {
      const name = text((d.after as Details | undefined)?.name) || text((d.before as Details | undefined)?.name);
      return t(`audit.sentence.${entry.action === "import_mapping.create" ? "mappingCreate" : entry.action === "import_mapping.update" ? "mappingUpdate" : "mappingDelete"}`, {
        who,
        name,
        project,
      });
    }
    case "beneficiary.merge":
      return t("audit.sentence.merge", { who, kept: text(d.kept), removed: text(d.removed), project });
    case "beneficiary.merge_undo":
      return t("audit.sentence.mergeUndo", { who, kept: text(d.kept), restored: text(d.restored), project });
    case "duplicate.distinct":
      return t("audit.sentence.distinct", { who, first: text(d.first), second: text(d.second), project });
    case "duplicate.scan":
      return t("audit.sentence.duplicateScan", { who, project, found: Number(d.found ?? 0) });
    case "user.create":
      return t("audit.sentence.userCreate", { who, person: text(d.name) || person, role: t(`nav.role.${(text(d.role) || "staff") as "staff"}`) });
    case "user.role":
      return t("audit.sentence.userRole", { who, person, before: t(`nav.role.${text(d.before) as "staff"}`), after: t(`nav.role.${text(d.after) as "staff"}`) });
    case "user.projects": {
      const [added, removed] = [list(d.added), list(d.removed)];
      if (added.length > 0 && removed.length > 0)
        return t("audit.sentence.userProjectsBoth", { who, person, added: formatList(language, added), removed: formatList(language, removed) });
      if (removed.length > 0) return t("audit.sentence.userProjectsTaken", { who, person, count: removed.length, removed: formatList(language, removed) });
      return t("audit.sentence.userProjectsGiven", { who, person, count: added.length, added: formatList(language, added) });
    }
    case "user.organisation":
      return d.after
        ? t("audit.sentence.userOrganisation", { who, person, after: text(d.after) })
        : t("audit.sentence.userOrganisationRemoved", { who, person, before: text(d.before) || none });
    case "user.disable":
    case "user.enable":
    case "user.reset_password":
    case "user.sign_in_link":
      return t(`audit.sentence.${entry.action.replace("user.", "user_") as "user_disable"}`, { who, person });
    case "user.change_password":
    case "user.set_password_by_link":
    case "user.choose_language":
      return t(`audit.sentence.${entry.action.replace("user.", "user_") as "user_change_password"}`, { who });
    case "user.lock":
      return t("audit.sentence.userLock", { email: text(d.email), until: d.until ? `${formatDateTime(language, text(d.until), "UTC")} UTC` : "" });
    case "user.bootstrap_admin":
      return t("audit.sentence.userBootstrap", { email: text(d.email) });
    case "api_token.create":
    case "api_token.revoke":
      return t(entry.action === "api_token.create" ? "audit.sentence.tokenCreate" : "audit.sentence.tokenRevoke", { who, prefix: text(d.prefix) });
    case "demo.seed":
      return t("audit.sentence.demoSeed");
    default:
      return t("audit.sentence.other", { who, action: entry.action });
  }
}

type NameSources = {
  indicators: readonly { id: number; code: string }[];
  places: readonly { code: string; nameEn: string; nameFr: string | null }[];
  users: readonly { id: number; name: string }[];
  options: readonly { dimension: string; dimensionEn: string; dimensionFr: string; option: string; optionEn: string; optionFr: string }[];
};

/** The names of a trail's sources in the reader's language. */
export function auditNames(sources: NameSources, t: Translator, language: Language): AuditNames {
  return {
    indicators: new Map(sources.indicators.map((i) => [i.id, i.code])),
    places: new Map(sources.places.map((p) => [p.code, localized(language, p.nameEn, p.nameFr)])),
    users: new Map(sources.users.map((u) => [u.id, u.name])),
    options: new Map(
      sources.options.map((o) => [
        `${o.dimension}=${o.option}`,
        t("entry.optionLabel", { dimension: localized(language, o.dimensionEn, o.dimensionFr), option: localized(language, o.optionEn, o.optionFr) }),
      ]),
    ),
  };
}
