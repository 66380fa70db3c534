import { IntlMessageFormat } from "intl-messageformat";
import { FRENCH_GLOSSARY } from "./french-glossary";

type MessageElement = ReturnType<IntlMessageFormat["getAst"]>[number];

/** TYPE.literal of @formatjs/icu-messageformat-parser, which intl-messageformat parses with but does not export. */
const LITERAL = 0;

export interface FrenchProblem {
  readonly rule: string;
  readonly excerpt: string;
}

/**
 * The text a reader sees of an ICU message: its literal runs, from the message and from each plural or select branch.
 * Placeholders, `#` and the ICU syntax around them (`::percent`, `=1`) are left out, so they are never taken for prose.
 */
export function literalTexts(message: string): string[] {
  return literals(new IntlMessageFormat(message, "fr").getAst());
}

function literals(elements: readonly MessageElement[]): string[] {
  return elements.flatMap((element) => {
    if ("options" in element) return Object.values(element.options).flatMap((option) => literals(option.value));
    if ("children" in element) return literals(element.children);
    return element.type === LITERAL && "value" in element ? [element.value] : [];
  });
}

const TEXT_RULES: readonly { rule: string; pattern: RegExp }[] = [
  // A literal that starts with the mark follows a placeholder, so nothing stands before it: that fails too.
  // Left alone: "://" of an address and "?name=" of a query string, which are typed as they are.
  { rule: "U+202F before : ; ! ?", pattern: /(?<!\u202f)(?::(?!\/\/)|[;!]|\?(?![\w-]+=))/ },
  // "Part (%)" names the unit of a column and takes no space.
  { rule: "U+202F before %", pattern: /(?<![\u202f(])%/ },
  { rule: "U+202F inside « »", pattern: /«(?!\u202f)|(?<!\u202f)»/ },
  // As Intl writes French numbers, so that "1 000" in a sentence matches the figures around it.
  { rule: "U+202F between thousands", pattern: /\d[ \u00a0]\d{3}(?!\d)/ },
  { rule: "an ICU plural or a rewording, not an inclusive suffix", pattern: /(?<=\p{L})\((?:e|s|es|x)\)/iu },
];

/** What breaks French typography or the glossary in a French ICU message, with where it is. */
export function checkFrenchMessage(message: string): FrenchProblem[] {
  // Checked on the raw message: a straight apostrophe is either a typo for ’ or ICU quoting, which French text never needs.
  const apostrophe = message.includes("'") ? [{ rule: "’, not a straight apostrophe", excerpt: excerpt(message, message.indexOf("'")) }] : [];
  return [
    ...apostrophe,
    ...literalTexts(message).flatMap((text) => [
      ...TEXT_RULES.flatMap(({ rule, pattern }) => found(text, pattern, rule)),
      ...FRENCH_GLOSSARY.flatMap((entry) => entry.avoid.flatMap((pattern) => found(text, pattern, `glossary: ${entry.en} is "${entry.fr}"`))),
    ]),
  ];
}

function found(text: string, pattern: RegExp, rule: string): FrenchProblem[] {
  const match = pattern.exec(text);
  return match ? [{ rule, excerpt: excerpt(text, match.index) }] : [];
}

/** The text around `index`, with the invisible spaces made visible, since they are what most rules are about. */
function excerpt(text: string, index: number): string {
  return text
    .slice(Math.max(0, index - 20), index + 20)
    .replaceAll("\u202f", "[U+202F]")
    .replaceAll("\u00a0", "[U+00A0]");
}
