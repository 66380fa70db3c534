import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of drizzle.config.ts: the same tables in db/schema-pg, migrations in drizzle-pg/.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/index.ts",
  out: "./drizzle-pg",
  casing: "snake_case",
});
