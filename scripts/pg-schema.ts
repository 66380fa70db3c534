import fs from "node:fs";
import path from "node:path";

// The PostgreSQL schema is written from the SQLite one, not by hand: db/schema-pg/*.ts are db/schema/*.ts
// with PostgreSQL's builders, so a table is defined once. `npm run db:generate` writes them (and the
// migrations of both engines); db/schema-pg/index.test.ts holds the migrated databases equal.

const HEADER = "// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.\n";

/** SQLite's spelling of a column, a check or a type, and PostgreSQL's. */
const REWRITES: [RegExp, string][] = [
  [/"drizzle-orm\/sqlite-core"/g, '"drizzle-orm/pg-core"'],
  [/\bsqliteTable\b/g, "pgTable"],
  [/\bAnySQLiteColumn\b/g, "AnyPgColumn"],
  [/\bSQLiteColumn\b/g, "PgColumn"],
  [/integer\(\)\.primaryKey\(\{ autoIncrement: true \}\)/g, "integer().primaryKey().generatedByDefaultAsIdentity()"],
  [/integer\(\{ mode: "boolean" \}\)/g, "boolean()"],
  [/\breal\b/g, "doublePrecision"],
  // SQLite's GLOB of five digits is a regular expression in PostgreSQL.
  [/ glob '\[0-9\]\[0-9\]\[0-9\]\[0-9\]\[0-9\]'/g, " ~ '^[0-9]{5}$$'"],
  // A boolean is 1 in SQLite, a boolean in PostgreSQL.
  [/(\$\{t\.isContext\}) = 1/g, "$1"],
];

export function toPostgres(source: string): string {
  let out = REWRITES.reduce((text, [from, to]) => text.replace(from, to), source);
  if (out.includes("boolean()")) out = out.replace(/import \{([^}]*)\} from "drizzle-orm\/pg-core";/, (_, names: string) => `import {${names.replace(/[\s,]*$/, "")}, boolean } from "drizzle-orm/pg-core";`);
  return HEADER + out;
}

export function pgSchemaFiles(root: string): Map<string, string> {
  const from = path.join(root, "db/schema");
  return new Map(
    fs
      .readdirSync(from)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => [path.join(root, "db/schema-pg", f), toPostgres(fs.readFileSync(path.join(from, f), "utf8"))]),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const [file, text] of pgSchemaFiles(process.cwd())) fs.writeFileSync(file, text);
  console.log("db/schema-pg written from db/schema");
}
