import { z } from "zod";
import { PROJECT_STATUSES } from "../domain/codes";

/** The portfolio's filters, from the page's URL or the API's query: a wrong value is no filter. */
export const portfolioFiltersSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  donor: z.string().max(32).optional().catch(undefined),
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
});

/** The filters of a query string; empty values are no filter. */
export function readPortfolioFilters(params: Record<string, string | string[] | undefined>) {
  return portfolioFiltersSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" && v !== "" ? v : undefined])));
}
