import { codeBook, normaliseCode, type CodedValue, type ImportCodes } from "./code-book";
import type { CodedField } from "./value-counts";

// What a coded value of a Kobo or ODK file means, when the manager has not said: its code or name
// (code-book), the usual ways forms write a sex, or the words of a choice's name
// (`vocational` for vocational_training, `elevage` for "Aide à l'élevage").

const SEX_WORDS: Record<string, string[]> = {
  female: ["f", "female", "femme", "femmes", "woman", "women", "girl", "fille", "feminin", "2"],
  male: ["m", "male", "homme", "hommes", "man", "men", "boy", "garcon", "masculin", "1"],
};

const GROUP_WORDS: Record<string, string[]> = {
  returnee: ["rapatrie", "rapatriee", "returnee", "returned_refugee", "refugie_rapatrie"],
  returning_idp: ["idp_returnee", "returned_idp", "deplace_retourne", "retourne"],
  host_community: ["host", "host_community", "communaute_hote", "communaute_d_accueil", "hote"],
  idp: ["idp", "deplace", "deplace_interne", "displaced"],
};

function valuesOf(field: CodedField, codes: ImportCodes): readonly CodedValue[] {
  switch (field) {
    case "sex":
      return codes.sexes;
    case "group":
      return codes.groups;
    case "location_code":
      return codes.places;
    case "service":
      return codes.services;
  }
}

/** The one value whose code or name holds all the words of `text`, if exactly one does. */
function byWords(values: readonly CodedValue[], text: string): string | null {
  const words = normaliseCode(text)
    .split("_")
    .filter((w) => w.length > 2);
  if (words.length === 0) return null;
  const fits = values.filter((v) =>
    [v.code, v.nameEn, v.nameFr ?? ""].some((name) => {
      const own = new Set(normaliseCode(name).split("_"));
      return words.every((w) => own.has(w));
    }),
  );
  return fits.length === 1 ? fits[0]!.code : null;
}

export type ValueReader = (text: string) => string | null;

/** Reads the values of a coded field as their codes, without the manager's choices. */
export function valueReader(field: CodedField, codes: ImportCodes): ValueReader {
  const values = valuesOf(field, codes);
  const book = codeBook(values);
  const allowed = new Set(values.map((v) => v.code));
  const words = field === "sex" ? SEX_WORDS : field === "group" ? GROUP_WORDS : {};
  const said = new Map<string, string>();
  for (const [code, names] of Object.entries(words)) if (allowed.has(code)) for (const name of names) said.set(name, code);
  const seen = new Map<string, string | null>();
  return (text) => {
    const key = text.trim();
    if (key === "") return null;
    const known = seen.get(key);
    if (known !== undefined) return known;
    const code = book.find(key) ?? said.get(normaliseCode(key)) ?? byWords(values, key);
    seen.set(key, code);
    return code;
  };
}
