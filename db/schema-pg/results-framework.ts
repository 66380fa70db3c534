// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  doublePrecision,
  pgTable,
  text,
  uniqueIndex,
  type AnyPgColumn, boolean } from "drizzle-orm/pg-core";
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_MEASURES,
  INDICATOR_SOURCES,
  RESULT_TYPES,
  TIME_AGGREGATIONS,
  TRAINING_KINDS,
} from "../../lib/domain/codes";
import { inList, isNullOrInList } from "./checks";
import { createdAt, id, updatedAt, version } from "./columns";
import { dimensions } from "./disaggregation";
import { projects } from "./projects";
import { users } from "./users";

/** Results in a hierarchy: impact > outcome > output. */
export const results = pgTable(
  "results",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    parentId: integer().references((): AnyPgColumn => results.id),
    type: text({ enum: RESULT_TYPES }).notNull(),
    code: text().notNull(),
    titleEn: text().notNull(),
    titleFr: text(),
    position: integer().notNull().default(0),
  },
  (t) => [
    uniqueIndex("results_project_code_unique").on(t.projectId, t.code),
    check("results_type_check", inList(t.type, RESULT_TYPES)),
  ],
);

export const indicators = pgTable(
  "indicators",
  {
    id: id(),
    projectId: integer()
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** Null only for context indicators, which sit beside the results framework. */
    resultId: integer().references(() => results.id),
    /** Stable within a project; the same code across the phases of a programme means the same indicator. */
    code: text().notNull(),
    nameEn: text().notNull(),
    nameFr: text(),
    definitionEn: text(),
    definitionFr: text(),
    unitEn: text(),
    unitFr: text(),
    measure: text({ enum: INDICATOR_MEASURES }).notNull(),
    direction: text({ enum: INDICATOR_DIRECTIONS }).notNull().default("increase"),
    timeAggregation: text({ enum: TIME_AGGREGATIONS }).notNull(),
    /** A caseload watched (e.g. IDPs in sites), never counted as reach or beneficiaries. */
    isContext: boolean().notNull().default(false),
    baselineValue: doublePrecision(),
    baselineYear: integer(),
    /** Life-of-project target, kept apart from the per-period targets. */
    target: doublePrecision(),
    source: text({ enum: INDICATOR_SOURCES }).notNull().default("manual"),
    /** For source "registry": the service counted; null counts unique direct beneficiaries. */
    sourceServiceCode: text(),
    /** For source "trainings": the kind of training whose participants are counted. */
    sourceTrainingKind: text({ enum: TRAINING_KINDS }),
    /** For source "trainings": an optional topic or trade to restrict to. */
    sourceTrainingTopic: text(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("indicators_project_code_unique").on(t.projectId, t.code),
    index("indicators_result_idx").on(t.resultId),
    check("indicators_measure_check", inList(t.measure, INDICATOR_MEASURES)),
    check("indicators_direction_check", inList(t.direction, INDICATOR_DIRECTIONS)),
    check("indicators_time_aggregation_check", inList(t.timeAggregation, TIME_AGGREGATIONS)),
    check("indicators_source_check", inList(t.source, INDICATOR_SOURCES)),
    check("indicators_training_kind_check", isNullOrInList(t.sourceTrainingKind, TRAINING_KINDS)),
    check(
      "indicators_source_config_check",
      sql`(${t.source} = 'trainings') = (${t.sourceTrainingKind} is not null) and (${t.source} = 'registry' or ${t.sourceServiceCode} is null)`,
    ),
    check("indicators_context_result_check", sql`${t.isContext} or ${t.resultId} is not null`),
  ],
);

/** The disaggregation dimensions an indicator uses. */
export const indicatorDimensions = pgTable(
  "indicator_dimensions",
  {
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    dimensionId: integer()
      .notNull()
      .references(() => dimensions.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.dimensionId] })],
);

/** Targets per reporting period; percentages as 0-100. */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    period: text().notNull(),
    value: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);

/** The earlier values of a target or baseline changed after data existed, with date, reason and author. */
export const indicatorRevisions = pgTable(
  "indicator_revisions",
  {
    id: id(),
    indicatorId: integer()
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    field: text({ enum: ["target", "baseline_value", "baseline_year", "period_target"] }).notNull(),
    period: text(),
    previousValue: doublePrecision(),
    newValue: doublePrecision(),
    reason: text().notNull(),
    changedBy: integer()
      .notNull()
      .references(() => users.id),
    changedAt: createdAt(),
  },
  (t) => [index("indicator_revisions_indicator_idx").on(t.indicatorId)],
);

export type Result = typeof results.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type NewIndicator = typeof indicators.$inferInsert;
