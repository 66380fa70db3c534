import { z } from "zod";

// The audit trail's filters, as the page's form and the CSV download's address carry them. A
// filter that does not parse is dropped rather than refused: the trail shows more, never less.

export const AUDIT_ACTION_GROUPS = ["data_value", "period", "narrative", "project", "indicator", "result", "training", "beneficiary", "user", "api_token"] as const;

const auditFiltersSchema = z.object({
  projectId: z.coerce.number().int().positive().optional().catch(undefined),
  userId: z.coerce.number().int().positive().optional().catch(undefined),
  action: z.enum(AUDIT_ACTION_GROUPS).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

export type AuditFilterValues = z.infer<typeof auditFiltersSchema>;

/** The filters of a query string or searchParams object; empty values mean "any". */
export function parseAuditFilters(raw: Record<string, string | string[] | undefined>): AuditFilterValues {
  return auditFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" && v !== "" ? v : undefined])));
}

/** The query string of a set of filters, for links that keep them. */
export function auditFiltersQuery(filters: AuditFilterValues): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}
