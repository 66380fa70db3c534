// The coded fields of an import, and what a file holds in them: each value with its count and the
// code it stands for. No dependency: the browser's mapping form reads it too.

export const CODED_FIELDS = ["sex", "group", "location_code", "service"] as const;
export type CodedField = (typeof CODED_FIELDS)[number];

export type ValueCount = { value: string; code: string | null; count: number };
/** Each coded field's values in a file, most frequent first, with the code each stands for. */
export type ValueCounts = Partial<Record<CodedField, ValueCount[]>>;

/** Every value that maps to nothing, with how many rows give it. */
export function unmatchedValues(values: ValueCounts): { field: CodedField; value: string; count: number }[] {
  return CODED_FIELDS.flatMap((field) => (values[field] ?? []).filter((v) => v.code === null).map((v) => ({ field, value: v.value, count: v.count })));
}
