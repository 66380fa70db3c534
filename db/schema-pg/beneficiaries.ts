// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { SEXES } from "../../lib/domain/codes";
import { inList } from "./checks";
import { createdAt, id, isoDate } from "./columns";
import { locations } from "./locations";
import { projects } from "./projects";

/** Kinds of service a beneficiary can receive: vocational_training, livestock, shelter_materials, ... */
export const serviceTypes = pgTable(
  "service_types",
  {
    id: id(),
    code: text().notNull(),
    nameEn: text().notNull(),
    nameFr: text().notNull(),
  },
  (t) => [uniqueIndex("service_types_code_unique").on(t.code)],
);

/**
 * Pseudonymous records: no names. `ref` is the organisation's ID of the person, the same in every
 * project, so a person registered in two phases of a programme is counted once there.
 */
export const beneficiaries = pgTable(
  "beneficiaries",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    ref: text().notNull(),
    householdRef: text(),
    sex: text({ enum: SEXES }).notNull(),
    birthYear: integer(),
    /** Option code of the "group" dimension: returnee, returning_idp, host_community, idp. */
    groupCode: text().notNull(),
    locationId: integer()
      .notNull()
      .references(() => locations.id),
    householdSize: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("beneficiaries_project_ref_unique").on(t.projectId, t.ref),
    index("beneficiaries_ref_idx").on(t.ref),
    check("beneficiaries_sex_check", inList(t.sex, SEXES)),
    check("beneficiaries_household_size_check", sql`${t.householdSize} is null or ${t.householdSize} > 0`),
  ],
);

export const beneficiaryServices = pgTable(
  "beneficiary_services",
  {
    id: id(),
    beneficiaryId: integer()
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
    serviceTypeId: integer()
      .notNull()
      .references(() => serviceTypes.id),
    receivedOn: isoDate().notNull(),
  },
  (t) => [
    uniqueIndex("beneficiary_services_unique").on(t.beneficiaryId, t.serviceTypeId, t.receivedOn),
    index("beneficiary_services_type_idx").on(t.serviceTypeId),
  ],
);

export type Beneficiary = typeof beneficiaries.$inferSelect;
export type NewBeneficiary = typeof beneficiaries.$inferInsert;
