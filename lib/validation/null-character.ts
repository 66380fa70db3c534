/**
 * Whether a parsed JSON value holds the null character (U+0000) in any text or key: no keyboard types
 * it, a paste or a script may send it, and PostgreSQL's text cannot hold it. Refused on both engines
 * alike, so that what is kept never depends on the database.
 */
export function holdsNullCharacter(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => holdsNullCharacter(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes("\u0000") || holdsNullCharacter(item, depth + 1));
}
