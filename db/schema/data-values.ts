import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { DATA_VALUE_STATUSES, LANGUAGES, PERIOD_STATUSES } from "../../lib/domain/codes";
import { inList } from "./checks";
import { id, updatedAt, version } from "./columns";
import { locations } from "./locations";
import { projects } from "./projects";
import { indicators } from "./results-framework";
import { users } from "./users";

/**
 * Where a figure stands (indicator, period, location, option set) and the figure itself: a value for
 * number indicators, a numerator and denominator for percentage and mean-of-ratios indicators.
 */
const cellColumns = () => ({
  indicatorId: integer()
    .notNull()
    .references(() => indicators.id, { onDelete: "cascade" }),
  period: text().notNull(),
  locationId: integer()
    .notNull()
    .references(() => locations.id),
  disaggregation: text().notNull().default(""),
  value: real(),
  numerator: real(),
  denominator: real(),
});

/** A figure is a value, or a numerator with its denominator: never both, never half of a ratio. */
const figureShape = (t: { value: SQLiteColumn; numerator: SQLiteColumn; denominator: SQLiteColumn }) =>
  sql`(${t.value} is not null and ${t.numerator} is null and ${t.denominator} is null) or (${t.value} is null and ${t.numerator} is not null and ${t.denominator} is not null)`;

/**
 * One figure: an indicator's value for a period, a location and a set of disaggregation options.
 * `disaggregation` is the canonical key of the option set ("" for the total, "sex=female",
 * "age=18_35|sex=female"), built by lib/disaggregation/option-key.ts.
 */
export const dataValues = sqliteTable(
  "data_values",
  {
    id: id(),
    ...cellColumns(),
    status: text({ enum: DATA_VALUE_STATUSES }).notNull().default("draft"),
    comment: text(),
    enteredBy: integer()
      .notNull()
      .references(() => users.id),
    enteredAt: text().notNull(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("data_values_cell_unique").on(t.indicatorId, t.period, t.locationId, t.disaggregation),
    index("data_values_period_idx").on(t.period, t.status),
    check("data_values_status_check", inList(t.status, DATA_VALUE_STATUSES)),
    check("data_values_shape_check", figureShape(t)),
  ],
);

/**
 * The approval state of a project's reporting period: draft -> submitted -> approved, or
 * submitted -> returned -> draft, or not reported (set by an admin). No row means draft. Its values
 * carry the same status (a period not reported keeps them as drafts).
 */
export const projectPeriods = sqliteTable(
  "project_periods",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    period: text().notNull(),
    status: text({ enum: PERIOD_STATUSES }).notNull().default("draft"),
    submittedBy: integer().references(() => users.id),
    submittedAt: text(),
    /** Why the manager submitted with expected figures missing. */
    submissionComment: text(),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: text(),
    /** The reviewer's comment when returned; the admin's reason when reopened or marked not reported. */
    comment: text(),
    /**
     * The latest approval, kept while an admin reopens the period: donors see the figures recorded
     * then until it is approved again. Null for a period never approved (or marked not reported since).
     */
    approvedBy: integer().references(() => users.id),
    approvedAt: text(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("project_periods_project_period_unique").on(t.projectId, t.period),
    check("project_periods_status_check", inList(t.status, PERIOD_STATUSES)),
  ],
);

/**
 * The figures of a period as approved: copied from the data values when the period is approved, with
 * the figures computed from trainings and the registry frozen at that moment. Donors read these, so a
 * reopened period shows its last approved figures until it is approved again.
 */
export const approvedValues = sqliteTable(
  "approved_values",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    ...cellColumns(),
    approvedBy: integer().references(() => users.id),
    approvedAt: text().notNull(),
  },
  (t) => [
    uniqueIndex("approved_values_cell_unique").on(t.indicatorId, t.period, t.locationId, t.disaggregation),
    index("approved_values_project_period_idx").on(t.projectId, t.period),
    check("approved_values_shape_check", figureShape(t)),
  ],
);

/** Highlights, challenges and next steps of a project's period, in either language. */
export const narratives = sqliteTable(
  "narratives",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    period: text().notNull(),
    language: text({ enum: LANGUAGES }).notNull(),
    highlights: text(),
    challenges: text(),
    nextSteps: text(),
    updatedBy: integer()
      .notNull()
      .references(() => users.id),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("narratives_project_period_language_unique").on(t.projectId, t.period, t.language),
    check("narratives_language_check", inList(t.language, LANGUAGES)),
  ],
);

export type DataValue = typeof dataValues.$inferSelect;
export type NewDataValue = typeof dataValues.$inferInsert;
export type Narrative = typeof narratives.$inferSelect;
export type ProjectPeriod = typeof projectPeriods.$inferSelect;
export type ApprovedValue = typeof approvedValues.$inferSelect;

/**
 * The answers of writes sent with an `Idempotency-Key`, per caller: the same key again answers the
 * same and writes nothing (a phone that lost its connection before the answer sends its change again).
 * Only writes are kept; a refused request wrote nothing and may be sent again. `requestHash` tells a
 * key sent again with another body, which is refused.
 */
export const idempotentWrites = sqliteTable(
  "idempotent_writes",
  {
    id: id(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text().notNull(),
    requestHash: text().notNull(),
    /** The outcome as the write returned it (JSON): answered again in the caller's language of the day. */
    outcome: text().notNull(),
    createdAt: text().notNull(),
  },
  (t) => [uniqueIndex("idempotent_writes_user_key_unique").on(t.userId, t.key), index("idempotent_writes_created_idx").on(t.createdAt)],
);

export type IdempotentWrite = typeof idempotentWrites.$inferSelect;
