// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { check, index, integer, doublePrecision, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { SEXES, TRAINING_KINDS } from "../../lib/domain/codes";
import { inList } from "./checks";
import { id, isoDate } from "./columns";
import { locations } from "./locations";
import { projects } from "./projects";

// The records a period's approval counted, as they stood then. Donors' figures of the registry and
// of trainings are counted from these copies, so that a record added, changed or removed later
// with a date inside an approved period changes nothing they see until the period is approved again.
// Each record belongs to the period its date falls in (lib/periods periodOfRecord); an approval
// replaces the copies of its own period only.

/** A service received within an approved period, with its person as they stood at the approval. */
export const approvedServices = pgTable(
  "approved_services",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    period: text().notNull(),
    ref: text().notNull(),
    householdRef: text(),
    sex: text({ enum: SEXES }).notNull(),
    birthYear: integer(),
    groupCode: text().notNull(),
    locationId: integer()
      .notNull()
      .references(() => locations.id),
    /** The household size counted: the record's, else the project's at the approval; null when unknown. */
    householdSize: doublePrecision(),
    serviceCode: text().notNull(),
    receivedOn: isoDate().notNull(),
  },
  (t) => [
    index("approved_services_project_period_idx").on(t.projectId, t.period),
    index("approved_services_ref_idx").on(t.ref),
    check("approved_services_sex_check", inList(t.sex, SEXES)),
  ],
);

/** A training ended within an approved period, as it stood at the approval. */
export const approvedTrainings = pgTable(
  "approved_trainings",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    period: text().notNull(),
    /** The training's id, kept without a reference: the copy outlives a change of the training. */
    trainingId: integer().notNull(),
    title: text().notNull(),
    kind: text({ enum: TRAINING_KINDS }).notNull(),
    topic: text().notNull(),
    locationId: integer()
      .notNull()
      .references(() => locations.id),
    startDate: isoDate().notNull(),
    endDate: isoDate().notNull(),
    facilitator: text(),
    cohortId: integer(),
    /** JSON: [{"sex", "ageGroup", "count"}] in that order of keys, sorted by sex then age group. */
    participants: text().notNull(),
    /** JSON: the sorted refs of the roster's people; null when the training kept no roster. */
    roster: text(),
  },
  (t) => [
    uniqueIndex("approved_trainings_project_period_training_unique").on(t.projectId, t.period, t.trainingId),
    check("approved_trainings_kind_check", inList(t.kind, TRAINING_KINDS)),
  ],
);

export type ApprovedService = typeof approvedServices.$inferSelect;
export type ApprovedTraining = typeof approvedTrainings.$inferSelect;
