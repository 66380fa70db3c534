import { z } from "zod";
import { gapRowsQuery, VALUE_COLUMNS, valueRowsQuery } from "@/db/figures/export-tables";
import { projectsWhere, seesUnapprovedFigures } from "@/db/users/viewer";
import { getDb } from "@/db";
import { fileResponse } from "@/server/api/export-request";
import { authenticate, jsonError } from "@/server/api/respond";
import { csvLine, UTF8_BOM, type CsvCell } from "@/lib/exports/csv";
import { exportFileName } from "@/lib/exports/file-name";
import { answerFaults } from "@/server/api/answer-faults";

const querySchema = z.object({ delimiter: z.enum(["comma", "semicolon"]).default("comma"), status: z.literal("approved").optional() });

/**
 * GET /api/v1/data-values/export.csv?delimiter=comma|semicolon&status=approved: every value the caller
 * may see across the portfolio, one row per indicator, period, place and option set, streamed;
 * approved figures are followed by a row per indicator and period awaiting approval or not reported.
 */
export const GET = answerFaults(async function GET(request: Request) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(t, 400, t("api.badExportQuery"));
  const ctx = { viewer: user };
  const approvedOnly = query.data.status === "approved" || !seesUnapprovedFigures(user);
  const { delimiter } = query.data;
  const ids = await projectsWhere(ctx, "see");
  const today = new Date().toISOString().slice(0, 10);
  // Approved figures come first, then the periods they do not cover (awaiting approval, not reported).
  const stream = getDb().stream(
    approvedOnly ? [valueRowsQuery(true, language, ids), await gapRowsQuery(ctx, language, ids, today)] : valueRowsQuery(false, language, ids),
    UTF8_BOM + csvLine(VALUE_COLUMNS, delimiter),
    (row) => csvLine(row as CsvCell[], delimiter),
  );
  return fileResponse(stream, exportFileName(["baseline-data-values"], new Date().toISOString(), "csv", delimiter), "text/csv; charset=utf-8");
});
