// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { check, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ORGANISATION_TYPES } from "../../lib/domain/codes";
import { createdAt, id } from "./columns";
import { inList } from "./checks";

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    code: text().notNull(),
    nameEn: text().notNull(),
    nameFr: text(),
    acronym: text(),
    type: text({ enum: ORGANISATION_TYPES }).notNull(),
    /** IATI organisation identifier, e.g. XM-DAC-47066; null when none is verified. */
    iatiRef: text(),
    /** IATI OrganisationType code: 10 government, 21 international NGO, 40 multilateral, ...; null when unknown. */
    iatiType: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organisations_code_unique").on(t.code),
    uniqueIndex("organisations_iati_ref_unique").on(t.iatiRef),
    check("organisations_type_check", inList(t.type, ORGANISATION_TYPES)),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
