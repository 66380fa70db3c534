import type { TrackingTable } from "../../db/figures/tracking-table";
import type { ExportSubject } from "../api/export-request";
import type { Language } from "../../lib/domain/codes";
import { formatDate, formatPhase, localized } from "../../lib/i18n/format";
import type { Translator } from "../../lib/i18n/translator";
import type { ExportTable } from "../../lib/exports/table";

/** The sheet that says what the tracking table is: the projects, whose figures, as of when, and how to read it. */
export function metadataRows(subject: ExportSubject, table: TrackingTable, t: Translator, language: Language, generated: { at: Date; by: string }): ExportTable {
  const rows: [string, string | number | null][] = [];
  if (subject.programme) {
    rows.push([t("export.meta.programme"), `${subject.programme.code} ${localized(language, subject.programme.titleEn, subject.programme.titleFr)}`]);
  }
  for (const { project, country, organisations, programme } of subject.overviews) {
    const names = (role: string) => organisations.filter((o) => o.role === role).map((o) => localized(language, o.organisation.nameEn, o.organisation.nameFr)).join(", ");
    const latest = table.latestApproved.get(project.id);
    rows.push(
      [t("export.meta.code"), project.code],
      [t("export.meta.title"), localized(language, project.titleEn, project.titleFr)],
      [t("export.meta.country"), localized(language, country.nameEn, country.nameFr)],
      ...(programme && !subject.programme ? [[t("export.meta.programme"), `${programme.code} ${localized(language, programme.titleEn, programme.titleFr)}`] as [string, string]] : []),
      ...(project.phase === null ? [] : [[t("export.meta.phase"), formatPhase(project.phase)] as [string, string]]),
      [t("export.meta.start"), formatDate(language, project.startDate)],
      [t("export.meta.end"), formatDate(language, project.endDate)],
      [t("export.meta.status"), t(`status.${project.status}`)],
      [t("export.meta.donors"), names("funding")],
      [t("export.meta.implementing"), names("implementing")],
      [t("export.meta.reporting"), t(`project.frequency.${project.reportingFrequency}`)],
      [t("export.meta.latestApproved"), latest ? `${latest.period}${latest.at ? ` (${formatDate(language, latest.at)})` : ""}` : t("dashboard.noApproved")],
      ["", null],
    );
  }
  rows.push(
    [t("export.meta.figures"), table.approvedOnly ? t("project.approvedOnly") : t("project.includesUnapproved")],
    ...(table.approvedOnly ? [] : [[t("export.meta.notApproved"), t("export.meta.notApprovedNote")] as [string, string]]),
    [t("export.meta.statusRule"), t("dashboard.thresholds")],
    [t("export.meta.periodsLabel"), t("export.meta.periodsNote")],
    [t("export.meta.percentages"), t("export.meta.percentagesNote")],
    [t("export.meta.generated"), formatDate(language, generated.at.toISOString())],
    [t("export.meta.generatedBy"), generated.by],
  );
  return {
    name: t("export.metadataSheet"),
    columns: [
      { header: t("export.meta.field"), format: "text", width: 28 },
      { header: t("export.meta.value"), format: "text", width: 90 },
    ],
    rows,
  };
}
