// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id } from "./columns";

/** sex, age (age groups), group (beneficiary group): each with options that have stable codes. */
export const dimensions = pgTable(
  "dimensions",
  {
    id: id(),
    code: text().notNull(),
    nameEn: text().notNull(),
    nameFr: text().notNull(),
    position: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("dimensions_code_unique").on(t.code)],
);

export const dimensionOptions = pgTable(
  "dimension_options",
  {
    id: id(),
    dimensionId: integer()
      .notNull()
      .references(() => dimensions.id, { onDelete: "cascade" }),
    code: text().notNull(),
    nameEn: text().notNull(),
    nameFr: text().notNull(),
    /** For age groups: the ages the option covers, inclusive; null for an open end. */
    minAge: integer(),
    maxAge: integer(),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("dimension_options_code_unique").on(t.dimensionId, t.code),
    index("dimension_options_dimension_idx").on(t.dimensionId),
  ],
);

export type Dimension = typeof dimensions.$inferSelect;
export type DimensionOption = typeof dimensionOptions.$inferSelect;
