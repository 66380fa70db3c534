// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  pgTable,
  text,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { SEXES, TRAINING_KINDS } from "../../lib/domain/codes";
import { beneficiaries } from "./beneficiaries";
import { inList } from "./checks";
import { createdAt, id, isoDate, updatedAt, version } from "./columns";
import { locations } from "./locations";
import { projects } from "./projects";

export const trainings = pgTable(
  "trainings",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text().notNull(),
    kind: text({ enum: TRAINING_KINDS }).notNull(),
    /** Topic or trade code: carpentry, welding, sgbv_prevention, adult_teaching, ... */
    topic: text().notNull(),
    locationId: integer()
      .notNull()
      .references(() => locations.id),
    startDate: isoDate().notNull(),
    endDate: isoDate().notNull(),
    facilitator: text(),
    /** The training-of-trainers cohort whose trainers delivered this training. */
    cohortId: integer().references((): AnyPgColumn => trainings.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("trainings_project_idx").on(t.projectId),
    index("trainings_cohort_idx").on(t.cohortId),
    check("trainings_kind_check", inList(t.kind, TRAINING_KINDS)),
    check("trainings_dates_check", sql`${t.startDate} <= ${t.endDate}`),
    check("trainings_cohort_check", sql`${t.cohortId} is null or ${t.kind} <> 'training_of_trainers'`),
  ],
);

/** Participants by sex and age group (an option code of the "age" dimension). */
export const trainingParticipants = pgTable(
  "training_participants",
  {
    trainingId: integer()
      .notNull()
      .references(() => trainings.id, { onDelete: "cascade" }),
    sex: text({ enum: SEXES }).notNull(),
    ageGroup: text().notNull(),
    count: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trainingId, t.sex, t.ageGroup] }),
    check("training_participants_sex_check", inList(t.sex, SEXES)),
    check("training_participants_count_check", sql`${t.count} >= 0`),
  ],
);

/** Optional roster: which registered beneficiaries took part. */
export const trainingRoster = pgTable(
  "training_roster",
  {
    trainingId: integer()
      .notNull()
      .references(() => trainings.id, { onDelete: "cascade" }),
    beneficiaryId: integer()
      .notNull()
      .references(() => beneficiaries.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.trainingId, t.beneficiaryId] }),
    uniqueIndex("training_roster_beneficiary_idx").on(t.beneficiaryId, t.trainingId),
  ],
);

export type Training = typeof trainings.$inferSelect;
export type NewTraining = typeof trainings.$inferInsert;
