import { z } from "zod";

/** The body of PUT /api/v1/data-values: the shape only; the figures themselves are checked by the domain. */
export const recordDataValuesSchema = z
  .array(
    z.object({
      indicatorId: z.number().int().positive(),
      period: z.string().min(1).max(16),
      locationCode: z.string().min(1).max(64),
      disaggregation: z.record(z.string(), z.string()).default({}),
      value: z.unknown().optional(),
      numerator: z.unknown().optional(),
      denominator: z.unknown().optional(),
      comment: z.string().max(2000).nullable().optional(),
      version: z.number().int().positive().nullable().optional(),
    }),
  )
  .min(1)
  .max(5000);

export type RecordDataValuesInput = z.infer<typeof recordDataValuesSchema>;
