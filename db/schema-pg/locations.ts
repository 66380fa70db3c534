// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { check, index, integer, doublePrecision, pgTable, text, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import { LOCATION_LEVELS } from "../../lib/domain/codes";
import { inList } from "./checks";
import { id } from "./columns";

/** A hierarchy of places: country > province > district or territory > ... */
export const locations = pgTable(
  "locations",
  {
    id: id(),
    code: text().notNull(),
    nameEn: text().notNull(),
    nameFr: text(),
    level: text({ enum: LOCATION_LEVELS }).notNull(),
    parentId: integer().references((): AnyPgColumn => locations.id),
    /** ISO 3166-1 alpha-2 code of the country the place is in. */
    countryCode: text().notNull(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
  },
  (t) => [
    uniqueIndex("locations_code_unique").on(t.code),
    index("locations_parent_idx").on(t.parentId),
    check("locations_level_check", inList(t.level, LOCATION_LEVELS)),
  ],
);

export type Location = typeof locations.$inferSelect;
export type NewLocation = typeof locations.$inferInsert;
