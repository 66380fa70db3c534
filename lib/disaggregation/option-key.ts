// A value's disaggregation is a set of options, at most one per dimension: {} is the total,
// {sex: "female"} one cell, {age: "18_35", sex: "female"} a cross-tabulated cell. It is stored as a
// canonical key with the dimensions in alphabetical order, so one set has exactly one key.

export type OptionSet = Readonly<Record<string, string>>;

const CODE = /^[a-z0-9_]+$/;

export function encodeOptionKey(options: OptionSet): string {
  return Object.keys(options)
    .sort()
    .map((dimension) => `${dimension}=${options[dimension]}`)
    .join("|");
}

/** Decodes a key; null when it is malformed (unknown shape, a dimension twice, unsorted). */
export function decodeOptionKey(key: string): OptionSet | null {
  if (key === "") return {};
  const options: Record<string, string> = {};
  for (const part of key.split("|")) {
    const [dimension, option, extra] = part.split("=");
    if (extra !== undefined || !dimension || !option || !CODE.test(dimension) || !CODE.test(option)) return null;
    if (dimension in options) return null;
    options[dimension] = option;
  }
  return encodeOptionKey(options) === key ? options : null;
}

/** The dimensions the indicator uses, with the option codes each allows. */
export type DimensionOptions = Readonly<Record<string, readonly string[]>>;

export type OptionSetProblem =
  | { kind: "unknown_dimension"; dimension: string }
  | { kind: "unknown_option"; dimension: string; option: string };

/** Why an option set cannot be used with an indicator; null when it can. */
export function checkOptionSet(options: OptionSet, allowed: DimensionOptions): OptionSetProblem | null {
  for (const [dimension, option] of Object.entries(options)) {
    const allowedOptions = allowed[dimension];
    if (!allowedOptions) return { kind: "unknown_dimension", dimension };
    if (!allowedOptions.includes(option)) return { kind: "unknown_option", dimension, option };
  }
  return null;
}
