import { z } from "zod";
import { listAuditEntries, listAuditNameSources } from "@/db/audit/audit";
import { fileResponse } from "@/server/api/export-request";
import { authenticate, jsonError } from "@/server/api/respond";
import { auditNames, describeAuditEntry } from "@/lib/audit/describe-entry";
import { rowsToCsv, UTF8_BOM } from "@/lib/exports/csv";
import { exportFileName } from "@/lib/exports/file-name";
import { parseAuditFilters } from "@/lib/validation/audit-filters";
import { allows } from "@/lib/auth/permissions";
import { answerFaults } from "@/server/api/answer-faults";

const delimiterSchema = z.enum(["comma", "semicolon"]).default("comma");

/**
 * GET /api/v1/audit/export.csv, for admins: every entry of the trail that matches the audit page's
 * filters (projectId, userId, action, from, to), newest first, each with its sentence in the
 * caller's language and its raw details. Times are UTC, as stored.
 */
export const GET = answerFaults(async function GET(request: Request) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  if (!allows(user, "administer")) return jsonError(t, 403, t("audit.forbidden"));
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const delimiter = delimiterSchema.safeParse(query.delimiter);
  if (!delimiter.success) return jsonError(t, 400, t("api.badExportQuery"));
  const ctx = { viewer: user };
  const entries = await listAuditEntries(ctx, parseAuditFilters(query));
  const names = auditNames(await listAuditNameSources(ctx), t, language);
  const header = [t("audit.whenUtc"), t("audit.user"), t("audit.action"), t("audit.project"), t("audit.what"), t("audit.details")];
  const rows = entries.map((e) => [e.at, e.userName, e.action, e.projectCode, describeAuditEntry(e, names, t, language), e.details]);
  const today = new Date().toISOString().slice(0, 10);
  return fileResponse(UTF8_BOM + rowsToCsv(header, rows, delimiter.data), exportFileName(["audit-trail"], today, "csv", delimiter.data), "text/csv; charset=utf-8");
});
