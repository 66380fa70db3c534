import { z } from "zod";
import { VALUE_COLUMNS, valueRowsQuery } from "@/db/queries/export-tables";
import { seesUnapprovedFigures, visibleProjectIds } from "@/db/queries/viewer";
import { streamQuery } from "@/db/records/value-stream";
import { fileResponse } from "@/lib/api/export-request";
import { authenticate, jsonError } from "@/lib/api/respond";
import { loadConfig } from "@/lib/config/env";
import { csvLine, UTF8_BOM, type CsvCell } from "@/lib/exports/csv";

const querySchema = z.object({ delimiter: z.enum(["comma", "semicolon"]).default("comma"), status: z.literal("approved").optional() });

/**
 * GET /api/v1/data-values/export.csv?delimiter=comma|semicolon&status=approved: every value the caller
 * may see across the portfolio, one row per indicator, period, place and option set, streamed.
 */
export async function GET(request: Request) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(t, 400, t("api.badExportQuery"));
  const ctx = { viewer: user };
  const approvedOnly = query.data.status === "approved" || !seesUnapprovedFigures(user);
  const { delimiter } = query.data;
  const stream = streamQuery(
    loadConfig().databasePath,
    valueRowsQuery(approvedOnly, language, JSON.stringify(visibleProjectIds(ctx))),
    UTF8_BOM + csvLine(VALUE_COLUMNS, delimiter),
    (row) => csvLine(row as CsvCell[], delimiter),
  );
  return fileResponse(stream, `baseline-data-values-${new Date().toISOString().slice(0, 10)}.csv`, "text/csv; charset=utf-8");
}
