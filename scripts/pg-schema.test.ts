import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pgSchemaFiles, toPostgres } from "./pg-schema";

describe("the PostgreSQL schema written from the SQLite one", () => {
  it("is up to date: db/schema-pg holds what scripts/pg-schema.ts writes from db/schema", () => {
    const files = pgSchemaFiles(path.resolve(import.meta.dirname, ".."));
    expect(files.size).toBeGreaterThan(10);
    for (const [file, text] of files) expect(fs.readFileSync(file, "utf8"), `${file}: run npm run db:generate`).toBe(text);
  });

  it("spells tables, keys, floats, booleans and checks as PostgreSQL does", () => {
    const sqlite = [
      'import { check, integer, real, sqliteTable, type SQLiteColumn } from "drizzle-orm/sqlite-core";',
      "export const t = sqliteTable(\"t\", { id: integer().primaryKey({ autoIncrement: true }), share: real(), isContext: integer({ mode: \"boolean\" }) },",
      "  (t) => [check(\"c\", sql`${t.code} glob '[0-9][0-9][0-9][0-9][0-9]'`), check(\"d\", sql`${t.isContext} = 1 or x`)]);",
    ].join("\n");
    const postgres = toPostgres(sqlite);
    expect(postgres).toContain('import { check, integer, doublePrecision, pgTable, type PgColumn, boolean } from "drizzle-orm/pg-core";');
    expect(postgres).toContain("id: integer().primaryKey().generatedByDefaultAsIdentity(), share: doublePrecision(), isContext: boolean()");
    expect(postgres).toContain("sql`${t.code} ~ '^[0-9]{5}$'`");
    expect(postgres).toContain("sql`${t.isContext} or x`");
  });
});
