import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";
import { FRENCH_GLOSSARY } from "./french-glossary";
import { checkFrenchMessage, literalTexts } from "./french-typography";

type Messages = { readonly [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] => (typeof value === "string" ? [[`${prefix}${key}`, value]] : flatten(value, `${prefix}${key}.`)));
}

const textOf = (message: string) => literalTexts(message).join(" ");
const french = new Map(flatten(fr).map(([key, message]) => [key, textOf(message).toLocaleLowerCase("fr")]));
const english = flatten(en).map(([key, message]) => [key, textOf(message)] as const);

describe("checkFrenchMessage", () => {
  const rules = (message: string) => checkFrenchMessage(message).map((p) => p.rule);

  it("wants a narrow no-break space before : ; ! ? and %, and inside « »", () => {
    expect(rules("Statut: actif")).toEqual(["U+202F before : ; ! ?"]);
    expect(rules("Statut : actif")).toEqual(["U+202F before : ; ! ?"]);
    expect(rules("{dimension}: {option}")).toEqual(["U+202F before : ; ! ?"]);
    expect(rules("Approuver {period} ?")).toEqual(["U+202F before : ; ! ?"]);
    expect(rules("78 %")).toEqual(["U+202F before %"]);
    expect(rules("78\u00a0%")).toEqual(["U+202F before %"]);
    expect(rules("la formation « {title} »")).toEqual(["U+202F inside « »", "U+202F inside « »"]);
    expect(rules("4 000 caractères")).toEqual(["U+202F between thousands"]);
    expect(rules("Statut\u202f: actif\u202f; 78\u202f% de «\u202f{title}\u202f», 4\u202f000\u202f?")).toEqual([]);
  });

  it("wants ’ and ICU plurals", () => {
    expect(rules("l'indicateur")).toEqual(["’, not a straight apostrophe"]);
    expect(rules("Né(e) en")).toEqual(["an ICU plural or a rewording, not an inclusive suffix"]);
    expect(rules("Formateur(s) formé(s)")).toEqual(["an ICU plural or a rewording, not an inclusive suffix"]);
  });

  it("reads the glossary into plural and select branches", () => {
    expect(rules("Situation de référence")).toEqual(['glossary: baseline is "valeur de référence"']);
    expect(rules("{count, plural, =1 {un réel} other {# réels}}")).toEqual(['glossary: actual is "réalisé"', 'glossary: actual is "réalisé"']);
    expect(rules("Cible due à ce jour")).toEqual(['glossary: target due (by now) is "cible attendue à ce jour"']);
    expect(rules("Valeur de référence, année de référence, réalisé, cible attendue à ce jour")).toEqual([]);
  });

  it("leaves ICU syntax, addresses and query strings alone", () => {
    expect(rules("{value, number, ::percent} et {count, plural, =0 {aucun} other {#}}")).toEqual([]);
    expect(rules("Voir https://iatistandard.org ou indiquez ?mode=preview.")).toEqual([]);
    expect(rules("Part (%)")).toEqual([]);
  });
});

describe("the French messages", () => {
  it("follow French typography and the glossary, every one of them", () => {
    const problems = flatten(fr).flatMap(([key, message]) => checkFrenchMessage(message).map((p) => `${key}: ${p.rule}: ${p.excerpt}`));
    expect(problems).toEqual([]);
  });

  it("use each term of the glossary, which avoids none of its own terms", () => {
    const all = [...french.values()].join("\n");
    for (const entry of FRENCH_GLOSSARY) {
      expect(all, entry.en).toContain(entry.fr);
      expect(
        entry.avoid.filter((pattern) => pattern.test(entry.fr)),
        entry.en,
      ).toEqual([]);
    }
  });

  // "Baseline" is also the app's name: its labels are named by key, its prose found by the lowercase word.
  it.each([
    { term: "valeur de référence", english: /\bbaseline\b(?! year)/, labels: ["project.framework.baseline", "framework.baselineValue", "export.column.baseline"] },
    { term: "réalisé", english: /\bactuals?\b/i, labels: ["project.framework.actual", "export.column.actualToDate", "report.actualLine", "dashboard.value"] },
    { term: "cible attendue à ce jour", english: /\btarget due\b/i, labels: ["dashboard.target", "export.column.due"] },
  ])("say $term wherever the English does", ({ term, english: concept, labels }) => {
    const keys = english.filter(([, text]) => concept.test(text)).map(([key]) => key);
    for (const key of new Set([...labels, ...keys])) expect(french.get(key), key).toContain(term);
  });
});
