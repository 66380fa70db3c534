import { sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/** Facts about the installation itself, such as when the demo data was seeded. */
export const appMeta = sqliteTable("app_meta", {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: createdAt(),
});
