// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, doublePrecision, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { PROJECT_ORGANISATION_ROLES, PROJECT_STATUSES, REPORTING_FREQUENCIES } from "../../lib/domain/codes";
import { inList } from "./checks";
import { createdAt, id, isoDate, updatedAt, version } from "./columns";
import { locations } from "./locations";
import { organisations } from "./organisations";

/** A programme is made of projects; each phase of a programme is one project. */
export const programmes = pgTable(
  "programmes",
  {
    id: id(),
    code: text().notNull(),
    titleEn: text().notNull(),
    titleFr: text(),
    summaryEn: text(),
    summaryFr: text(),
    countryId: integer().references(() => locations.id),
    startDate: isoDate(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("programmes_code_unique").on(t.code)],
);

export const projects = pgTable(
  "projects",
  {
    id: id(),
    code: text().notNull(),
    programmeId: integer().references(() => programmes.id),
    /** Phase number within the programme (1 for Phase I). */
    phase: integer(),
    titleEn: text().notNull(),
    titleFr: text(),
    summaryEn: text(),
    summaryFr: text(),
    status: text({ enum: PROJECT_STATUSES }).notNull(),
    startDate: isoDate().notNull(),
    endDate: isoDate().notNull(),
    countryId: integer()
      .notNull()
      .references(() => locations.id),
    reportingFrequency: text({ enum: REPORTING_FREQUENCIES }).notNull(),
    /** People per household, used for indirect beneficiaries where households are unknown. */
    householdSize: doublePrecision(),
    householdSizeSource: text(),
    /** ISO 4217 code of the budgets' currency. */
    currency: text().notNull().default("USD"),
    /** Caveats shown with the figures, such as which of them are illustrative. */
    dataNoteEn: text(),
    dataNoteFr: text(),
    closedAt: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("projects_code_unique").on(t.code),
    uniqueIndex("projects_programme_phase_unique").on(t.programmeId, t.phase),
    index("projects_programme_idx").on(t.programmeId),
    check("projects_status_check", inList(t.status, PROJECT_STATUSES)),
    check("projects_frequency_check", inList(t.reportingFrequency, REPORTING_FREQUENCIES)),
    check("projects_dates_check", sql`${t.startDate} <= ${t.endDate}`),
    check("projects_household_size_check", sql`${t.householdSize} is null or ${t.householdSize} > 0`),
  ],
);

export const projectOrganisations = pgTable(
  "project_organisations",
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    role: text({ enum: PROJECT_ORGANISATION_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organisationId, t.role] }),
    index("project_organisations_organisation_idx").on(t.organisationId, t.role),
    check("project_organisations_role_check", inList(t.role, PROJECT_ORGANISATION_ROLES)),
  ],
);

export const projectLocations = pgTable(
  "project_locations",
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    locationId: integer()
      .notNull()
      .references(() => locations.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.locationId] })],
);

export const projectBudgets = pgTable(
  "project_budgets",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    amount: doublePrecision().notNull(),
    currency: text().notNull(),
  },
  (t) => [
    uniqueIndex("project_budgets_project_year_unique").on(t.projectId, t.year),
    check("project_budgets_amount_check", sql`${t.amount} >= 0`),
  ],
);

/**
 * The sectors of a project (OECD DAC 5-digit purpose codes, e.g. 15190 migration, 11330 vocational
 * training), with the share of the project in each; the shares add up to 100.
 */
export const projectSectors = pgTable(
  "project_sectors",
  {
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    code: text().notNull(),
    percentage: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.code] }),
    check("project_sectors_code_check", sql`${t.code} ~ '^[0-9]{5}$'`),
    check("project_sectors_percentage_check", sql`${t.percentage} > 0 and ${t.percentage} <= 100`),
  ],
);

export type Programme = typeof programmes.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type NewProject = typeof projects.$inferInsert;
