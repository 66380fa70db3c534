// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/** Facts about the installation itself, such as when the demo data was seeded. */
export const appMeta = pgTable("app_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: createdAt(),
});
