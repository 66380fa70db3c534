import { check, index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { LOCATION_LEVELS } from "../../lib/domain/codes";
import { inList } from "./checks";
import { id } from "./columns";

/** A hierarchy of places: country > province > district or territory > ... */
export const locations = sqliteTable(
  "locations",
  {
    id: id(),
    code: text().notNull(),
    nameEn: text().notNull(),
    nameFr: text(),
    level: text({ enum: LOCATION_LEVELS }).notNull(),
    parentId: integer().references((): AnySQLiteColumn => locations.id),
    /** ISO 3166-1 alpha-2 code of the country the place is in. */
    countryCode: text().notNull(),
    latitude: real(),
    longitude: real(),
  },
  (t) => [
    uniqueIndex("locations_code_unique").on(t.code),
    index("locations_parent_idx").on(t.parentId),
    check("locations_level_check", inList(t.level, LOCATION_LEVELS)),
  ],
);

export type Location = typeof locations.$inferSelect;
export type NewLocation = typeof locations.$inferInsert;
