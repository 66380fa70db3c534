// The closed vocabularies of the domain. The database schema, validation and the UI all read them
// from here, so a new value is added in one place.

export const ORGANISATION_TYPES = ["implementer", "donor", "government", "partner"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const LOCATION_LEVELS = ["country", "province", "district", "territory", "sector", "site"] as const;
export type LocationLevel = (typeof LOCATION_LEVELS)[number];

export const PROJECT_STATUSES = ["pipeline", "active", "completed"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** "accountable" is IATI's role for the organisation answerable for the activity. */
export const PROJECT_ORGANISATION_ROLES = ["funding", "implementing", "partner", "accountable"] as const;
export type ProjectOrganisationRole = (typeof PROJECT_ORGANISATION_ROLES)[number];

export const REPORTING_FREQUENCIES = ["monthly", "quarterly", "yearly"] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

export const RESULT_TYPES = ["impact", "outcome", "output"] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/**
 * number: a count or amount.
 * percentage: numerator / denominator, stored as both, never as a finished percentage.
 * mean_of_ratios: numerator = sum of each respondent's ratio, denominator = respondents.
 */
export const INDICATOR_MEASURES = ["number", "percentage", "mean_of_ratios"] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

export const INDICATOR_DIRECTIONS = ["increase", "decrease"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** incremental: periods add up. cumulative: each value is a running total (or a stock). */
export const TIME_AGGREGATIONS = ["incremental", "cumulative"] as const;
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];

export const INDICATOR_SOURCES = ["manual", "trainings", "registry"] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const DATA_VALUE_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type DataValueStatus = (typeof DATA_VALUE_STATUSES)[number];

/** A reporting period's state: a value's, or "not reported", which an admin sets so that later periods can go on. */
export const PERIOD_STATUSES = [...DATA_VALUE_STATUSES, "not_reported"] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const TRAINING_KINDS = ["training_of_trainers", "vocational", "capacity_building"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const USER_ROLES = ["admin", "manager", "staff", "donor"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];

export const SEXES = ["female", "male", "unknown"] as const;
export type Sex = (typeof SEXES)[number];

/** Stable codes of the built-in disaggregation dimensions. */
export const DIMENSION_CODES = { sex: "sex", age: "age", group: "group" } as const;

/** Topics and trades of trainings. */
export const TRAINING_TOPICS = [
  "carpentry",
  "welding",
  "knitting",
  "sewing",
  "mechanics",
  "masonry",
  "hairdressing",
  "adult_teaching",
  "business_skills",
  "sgbv_prevention",
  "other",
] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
