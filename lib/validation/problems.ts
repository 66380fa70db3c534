/**
 * What can be wrong with a figure someone enters, as codes with the details a message needs. The
 * messages, in English and French, are in messages/*.json under "validation".
 */
export type Problem =
  | { code: "not_a_number"; field: "value" | "numerator" | "denominator" }
  | { code: "negative"; field: "value" | "numerator" | "denominator" }
  | { code: "decimal_in_count"; field: "value" | "numerator" | "denominator" }
  | { code: "numerator_over_denominator" }
  | { code: "zero_denominator" }
  | { code: "needs_value" }
  | { code: "needs_numerator_and_denominator" }
  | { code: "computed_indicator" }
  | { code: "unknown_indicator" }
  | { code: "unknown_location"; location: string }
  | { code: "invalid_period"; period: string }
  | { code: "wrong_period_type"; period: string; expected: "year" | "quarter" | "month" }
  | { code: "period_outside_project"; period: string }
  | { code: "period_not_begun"; period: string }
  | { code: "period_locked"; period: string; status: string }
  | { code: "unknown_dimension"; dimension: string }
  | { code: "unknown_option"; dimension: string; option: string }
  | { code: "breakdown_mismatch"; dimension: string; expected: number; actual: number }
  | { code: "duplicate_cell" }
  | { code: "comment_null_character" };

/** Warnings never block a save; they invite a comment. */
export type Warning = { code: "much_higher_than_previous" | "much_lower_than_previous"; previous: number; previousPeriod: string };
