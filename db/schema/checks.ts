import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

// CHECK constraint helpers, so that a value outside a closed vocabulary cannot be stored even by
// code that bypasses validation.
export function inList(column: SQLiteColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "))})`;
}

export function isNullOrInList(column: SQLiteColumn, values: readonly string[]): SQL {
  return sql`${column} is null or ${inList(column, values)}`;
}
