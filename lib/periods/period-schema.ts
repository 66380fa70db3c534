import { z } from "zod";
import { isPeriod } from "./period";

/**
 * A reporting period as it travels in an address, a form or a request body: `2026Q3`, `202609` or
 * `2026`. Every page, action and route reads periods through this one schema; whether the period
 * fits a project is the reporting rules' question (lib/validation/period.ts).
 */
export const periodSchema = z.string().max(8).refine(isPeriod, { message: "not a reporting period" });
