/**
 * The French glossary of Baseline: one French term per concept, which every screen and every file follows.
 * Files (CSV and Excel exports, the donor report in PDF) take their labels from the same messages/fr.json
 * as the screens, so this glossary, checked against that file, holds for both.
 * Terms follow the usual French of UN monitoring and evaluation (IOM, OCHA).
 *
 * `avoid` lists the French variants met for the concept; each is matched as whole words, ignoring case.
 * Only variants a pattern finds without false alarms are listed, so the list is short on purpose.
 */
export interface GlossaryEntry {
  readonly en: string;
  readonly fr: string;
  readonly avoid: readonly RegExp[];
  readonly note?: string;
}

/** A pattern matching `source` as whole words: \b does not know accented letters, so letters are looked for around it. */
function words(source: string): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${source})(?!\\p{L})`, "iu");
}

export const FRENCH_GLOSSARY: readonly GlossaryEntry[] = [
  {
    en: "baseline",
    fr: "valeur de référence",
    avoid: [words("(?<!(?:valeur|année) de )référence"), words("ligne de base")],
    note: "Baseline year: année de référence. Never situation de référence, nor a bare référence.",
  },
  { en: "actual", fr: "réalisé", avoid: [words("réel(?:le)?s?")], note: "Actual to date: réalisé à ce jour." },
  { en: "target due (by now)", fr: "cible attendue à ce jour", avoid: [words("cibles? dues?"), words("cibles? attendues?(?! à ce jour)")] },
  { en: "life-of-project target", fr: "cible de fin de projet", avoid: [words("cibles? du projet"), words("cibles? finales?")] },
  { en: "target", fr: "cible", avoid: [words("objectifs?")], note: "An objective is another level of a logframe; Baseline has none." },
  { en: "progress", fr: "avancement", avoid: [words("progression")] },
  { en: "whole project", fr: "ensemble du projet", avoid: [words("projet entier")] },
  { en: "outcome", fr: "effet", avoid: [words("indicateurs? de résultats?")], note: "Impact, effet, produit; a result of any level: résultat." },
  {
    en: "approve",
    fr: "approuver",
    avoid: [words("valid(?:er|ez|ée?s?|ations?|ateurs?|atrices?)")],
    note: "Approval: approbation; approver: approbateur. Valide keeps its own meaning (valid).",
  },
  { en: "breakdown, disaggregation", fr: "ventilation", avoid: [words("désagrég\\p{L}*")], note: "Broken down by: ventilé par." },
  { en: "reporting (period, frequency)", fr: "période de rapport", avoid: [words("rapportage"), words("reporting")], note: "Reporting frequency: fréquence des rapports." },
  {
    en: "records (of the registry and the trainings)",
    fr: "enregistrements",
    avoid: [words("registres"), words("dossiers? individuels?")],
    note: "The beneficiary registry is one: le registre des bénéficiaires.",
  },
  { en: "place, location", fr: "lieu", avoid: [words("localités?"), words("emplacements?")] },
  { en: "manager", fr: "gestionnaire", avoid: [words("managers?"), words("chefs? de projet"), words("responsables? d[eu] (?:programme|projet)")] },
  { en: "donor", fr: "bailleur", avoid: [words("donat(?:eur|rice)s?")] },
  { en: "returned (period)", fr: "renvoyé", avoid: [words("retourn(?:er|ez|ée?s?)")] },
  { en: "not reported", fr: "non renseigné", avoid: [words("non (?:rapporté|déclaré)e?s?")] },
  { en: "audit trail", fr: "journal d’audit", avoid: [words("pistes? d’audit")] },
  { en: "API token", fr: "jeton", avoid: [words("tokens?")] },
];
