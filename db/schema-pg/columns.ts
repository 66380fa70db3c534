// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { integer, text } from "drizzle-orm/pg-core";

// Shared column builders. Dates are ISO strings ("2024-07-01"), instants ISO timestamps in UTC:
// both sort as text and read the same in SQLite and PostgreSQL.
export const id = () => integer().primaryKey().generatedByDefaultAsIdentity();
export const isoDate = () => text();
export const createdAt = () =>
  text()
    .notNull()
    .$defaultFn(() => new Date().toISOString());
export const updatedAt = () =>
  text()
    .notNull()
    .$defaultFn(() => new Date().toISOString())
    .$onUpdateFn(() => new Date().toISOString());
/** Optimistic concurrency: a write names the version it read; a stale version is refused. */
export const version = () => integer().notNull().default(1);
