import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import en from "../../messages/en.json";
import fr from "../../messages/fr.json";

describe("the messages", () => {
  const keys = (messages: object, prefix = ""): string[] =>
    Object.entries(messages).flatMap(([key, value]) => (typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

  it("exist in English and in French, each of them", () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it("are well-formed ICU messages in both languages", () => {
    for (const [language, messages] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      for (const key of keys(messages)) {
        const message = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(() => new IntlMessageFormat(message as string, language), `${language} ${key}`).not.toThrow();
      }
    }
  });
});
