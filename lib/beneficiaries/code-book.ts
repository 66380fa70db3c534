// The coded columns of an import (sex, group, service, place) take the code or a name of the value,
// in English or in French, typed as people type them: "femme", "Rapatrié", "rapatrie" and
// "returnee" all give `returnee`/`female`. Case, accents, spaces and punctuation do not matter.

export type CodedValue = { code: string; nameEn: string; nameFr: string | null };

/** What a file may name in its coded columns, for one project. */
export type ImportCodes = { places: readonly CodedValue[]; sexes: readonly CodedValue[]; groups: readonly CodedValue[]; services: readonly CodedValue[] };

export type CodeBook = { codes: readonly string[]; find(text: string): string | null };

/** "Communauté d'accueil" -> "communaute_d_accueil". */
export function normaliseCode(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * The values' codes and names, each read as its value. A code always means its value; a name two
 * values share means neither (the file must then use the code).
 */
export function codeBook(values: readonly CodedValue[]): CodeBook {
  const byCode = new Map(values.map((v) => [normaliseCode(v.code), v.code]));
  const byName = new Map<string, string | null>();
  for (const v of values) {
    for (const name of [v.nameEn, v.nameFr]) {
      if (!name) continue;
      const key = normaliseCode(name);
      const seen = byName.get(key);
      byName.set(key, seen === undefined || seen === v.code ? v.code : null);
    }
  }
  return {
    codes: values.map((v) => v.code),
    find(text) {
      const key = normaliseCode(text);
      if (key === "") return null;
      return byCode.get(key) ?? byName.get(key) ?? null;
    },
  };
}
