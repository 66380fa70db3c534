import { z } from "zod";
import type { FieldMatches } from "./import-fields";
import type { CodedField } from "./value-counts";

// A mapping says where each of Baseline's fields is in a file, and what the file's coded values
// mean: `{name, matches, values}`. Saved per project, it is offered again for a file whose header
// is the same.

/** For each coded field, each value of the file and the code it stands for. */
export type ValueMapping = Partial<Record<CodedField, Record<string, string | null>>>;
export type ImportMapping = { matches: FieldMatches; values: ValueMapping };

const column = z.string().trim().min(1).max(300);
// A value with no code (null) is one the manager left unmatched.
const codes = z.record(z.string().max(300), z.string().trim().min(1).max(100).nullable());

export const fieldMatchesSchema = z
  .object({
    external_id: column.optional(),
    household_id: column.optional(),
    sex: column.optional(),
    birth_year: z.union([column, z.object({ age: column, as_of: column }).strict(), z.object({ birth_date: column }).strict()]).optional(),
    group: column.optional(),
    location_code: column.optional(),
    household_size: column.optional(),
    service: z.union([column, z.object({ options: z.array(column).min(1).max(200) }).strict()]).optional(),
    service_date: column.optional(),
  })
  .strict();

export const valueMappingSchema = z.object({ sex: codes.optional(), group: codes.optional(), location_code: codes.optional(), service: codes.optional() }).strict();

export const importMappingSchema = z.object({ matches: fieldMatchesSchema, values: valueMappingSchema.default({}) }).strict();

export const namedImportMappingSchema = importMappingSchema.extend({ name: z.string().trim().min(1).max(100) }).strict();
export type NamedImportMapping = z.infer<typeof namedImportMappingSchema>;

/**
 * What a file's header is known by, to offer a saved mapping again: its columns, trimmed, in
 * lower case and in order of name, so that a column moved elsewhere in the file still matches.
 */
export function headerSignature(header: readonly string[]): string {
  return [...new Set(header.map((h) => h.trim().toLowerCase()).filter((h) => h !== ""))].sort().join("\n");
}
