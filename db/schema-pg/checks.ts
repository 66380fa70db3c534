// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

// CHECK constraint helpers, so that a value outside a closed vocabulary cannot be stored even by
// code that bypasses validation.
export function inList(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "))})`;
}

export function isNullOrInList(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} is null or ${inList(column, values)}`;
}
