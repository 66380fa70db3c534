import "server-only";
import { beneficiariesTable, recordsTable, trainingsTable, valuesTable } from "@/db/figures/export-tables";
import { getTrackingTable } from "@/db/figures/tracking-table";
import { rowsToCsv, UTF8_BOM } from "@/lib/exports/csv";
import { exportFileName } from "@/lib/exports/file-name";
import { metadataRows } from "@/server/exports/metadata-rows";
import type { ExportTable } from "@/lib/exports/table";
import { trackingRows } from "@/server/exports/tracking-rows";
import { writeWorkbook } from "@/lib/exports/xlsx";
import { fileResponse, type ExportRequest } from "./export-request";
import { jsonError } from "./respond";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The tables of an export: the tracking table comes with the sheet that says what it is. */
async function exportTables(request: ExportRequest, now: Date): Promise<ExportTable[] | Response> {
  const { user, t, language, subject, kind, approvedOnly } = request;
  const ctx = { viewer: user };
  const ids = subject.overviews.map((o) => o.project.id);
  switch (kind) {
    case "tracking": {
      const table = await getTrackingTable(
        ctx,
        subject.overviews.map((o) => o.project),
        { approvedOnly, today: now.toISOString().slice(0, 10) },
      );
      return [trackingRows(table, t, language), metadataRows(subject, table, t, language, { at: now, by: user.name })];
    }
    case "values":
      return [await valuesTable(ctx, ids, { approvedOnly, language, today: now.toISOString().slice(0, 10) })];
    case "trainings":
      return [await trainingsTable(ctx, ids, { approvedOnly, language })];
    case "beneficiaries":
      return [await beneficiariesTable(ctx, ids, { approvedOnly, language })];
    case "records": {
      const [only] = subject.overviews;
      if (subject.programme || !only) return jsonError(t, 400, t("api.badExportQuery"));
      try {
        return [await recordsTable(ctx, only.project.id)];
      } catch {
        return jsonError(t, 403, t("api.recordsForbidden"));
      }
    }
  }
}

/** A project's or programme's export as CSV (the first table) or as an Excel workbook (every table, one sheet each). */
export async function exportResponse(request: ExportRequest, format: "csv" | "xlsx"): Promise<Response> {
  const now = new Date();
  const tables = await exportTables(request, now);
  if (tables instanceof Response) return tables;
  const filename = exportFileName([request.subject.code, request.kind], now.toISOString(), format, request.delimiter);
  if (format === "xlsx") {
    const workbook = await writeWorkbook(
      tables.map((table) => ({ ...table, frozenColumns: request.kind === "tracking" && table === tables[0] ? 6 : 0 })),
      { creator: "Baseline", created: now },
    );
    return fileResponse(new Uint8Array(workbook), filename, XLSX);
  }
  const [table] = tables;
  const body = table
    ? UTF8_BOM +
      rowsToCsv(
        table.columns.map((c) => c.header),
        table.rows,
        request.delimiter,
      )
    : "";
  return fileResponse(body, filename, "text/csv; charset=utf-8");
}
