import path from "node:path";
import PDFDocument from "pdfkit";
import type { DonorReportData } from "../../db/figures/donor-report";
import type { Language } from "../../lib/domain/codes";
import { progress } from "../../lib/indicators/progress";
import { formatDate, formatNumber, formatPhase, formatRatio, localized } from "../../lib/i18n/format";
import { indicatorCells } from "../../lib/i18n/indicator-cells";
import type { Translator } from "../../lib/i18n/translator";

// The donor report, drawn on the server with pdfkit: real text in DejaVu Sans, which has every
// character French needs (the narrow no-break space of "5 000" among them), and charts drawn as
// vectors with their numbers written beside them, so that they read in print and in greyscale.

const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const INK = "#1d2733";
const MUTED = "#55616f";
const LINE = "#b8c0ca";
const BAR = "#4a6b8a";
const LIGHT = "#c9d6e3";
const MARGIN = 50;
const DRAFT = "#a3261b";

type Doc = PDFKit.PDFDocument;

/** Renders the donor report to a PDF file's bytes. */
export function renderDonorReport(report: DonorReportData, t: Translator, language: Language, generatedOn: string): Promise<Buffer> {
  const { project } = report.overview;
  const title = localized(language, project.titleEn, project.titleFr);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    font: path.join(FONT_DIR, "DejaVuSans.ttf"),
    lang: language === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    info: { Title: `${t("common.labelled", { label: t("report.title"), value: title })} (${report.period.id})`, Author: "Baseline", Subject: project.code },
  });
  doc.registerFont("body", path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont("bold", path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  cover(doc, report, t, language, title, generatedOn);
  doc.addPage();
  summary(doc, report, t, language);
  indicatorTable(doc, report, t, language);
  charts(doc, report, t, language);
  cascade(doc, report, t);
  narrative(doc, report, t, language);
  pageFooters(doc, t, report.draft);
  doc.end();
  return done;
}

const width = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page when fewer than `height` points are left on this one. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.8).font("bold").fontSize(15).fillColor(INK).text(text, doc.page.margins.left).moveDown(0.3);
  doc.font("body").fontSize(10);
}

function cover(doc: Doc, report: DonorReportData, t: Translator, language: Language, title: string, generatedOn: string): void {
  const { project, country, organisations, programme } = report.overview;
  const names = (role: string) => organisations.filter((o) => o.role === role).map((o) => localized(language, o.organisation.nameEn, o.organisation.nameFr));
  doc.moveDown(6).font("body").fontSize(12).fillColor(MUTED).text(t("report.title").toUpperCase(), { characterSpacing: 1 });
  doc.moveDown(0.5).font("bold").fontSize(24).fillColor(INK).text(title);
  doc.moveDown(0.5).font("body").fontSize(12).fillColor(MUTED);
  const lines = [
    `${project.code} · ${localized(language, country.nameEn, country.nameFr)}`,
    programme ? `${localized(language, programme.titleEn, programme.titleFr)}${project.phase === null ? "" : ` · ${t("project.phase")} ${formatPhase(project.phase)}`}` : null,
    names("funding").length > 0 ? t("common.labelled", { label: t("export.meta.donors"), value: names("funding").join(", ") }) : null,
    names("implementing").length > 0 ? t("common.labelled", { label: t("export.meta.implementing"), value: names("implementing").join(", ") }) : null,
  ];
  for (const line of lines) if (line) doc.text(line);
  doc.moveDown(2).font("bold").fontSize(14).fillColor(INK);
  doc.text(t("report.period", { period: report.period.id, start: formatDate(language, report.period.start), end: formatDate(language, report.period.end) }));
  doc.moveDown(0.5).font("body").fontSize(11).fillColor(INK);
  doc.text(t("report.asOf", { period: report.period.id }));
  doc.text(t("report.periodStatus", { status: t(`entry.statusName.${report.periodStatus}`) }));
  doc.text(report.dashboard.approvedOnly ? t("project.approvedOnly") : t("project.includesUnapproved"));
  const latest = report.dashboard.latestApproved;
  doc.text(latest ? t("dashboard.latestApproved", { period: latest.period, date: latest.at ? formatDate(language, latest.at) : "—" }) : t("dashboard.noApproved"));
  doc.moveDown(2).fontSize(10).fillColor(MUTED).text(t("report.generated", { date: formatDate(language, generatedOn) }));
}

function summary(doc: Doc, report: DonorReportData, t: Translator, language: Language): void {
  heading(doc, t("report.summary"));
  const { reach, trained } = report;
  const n = (value: number | null) => (value === null ? t("common.none") : formatNumber(language, value));
  const boxes: [string, string][] = [
    [t("project.beneficiaries.uniqueDirect"), n(reach.uniqueDirect)],
    [t("project.beneficiaries.indirect"), n(reach.indirect)],
    [t("portfolio.trainers"), n(trained.trainers)],
    [t("portfolio.trainees"), n(trained.trainees)],
  ];
  const boxWidth = (width(doc) - 3 * 10) / 4;
  const top = doc.y;
  boxes.forEach(([label, value], i) => {
    const x = doc.page.margins.left + i * (boxWidth + 10);
    doc.roundedRect(x, top, boxWidth, 62, 4).strokeColor(LINE).lineWidth(1).stroke();
    doc.font("bold").fontSize(16).fillColor(INK).text(value, x + 8, top + 8, { width: boxWidth - 16 });
    doc.font("body").fontSize(8.5).fillColor(MUTED).text(label, x + 8, top + 32, { width: boxWidth - 16 });
  });
  doc.x = doc.page.margins.left;
  doc.y = top + 74;
  const services = Object.entries(reach.byService);
  if (services.length > 0) {
    doc.font("bold").fontSize(10).fillColor(INK).text(t("report.byService"));
    doc.font("body");
    for (const [code, people] of services) {
      const service = report.services.get(code);
      doc.text(t("common.labelled", { label: service ? localized(language, service.nameEn, service.nameFr) : code, value: formatNumber(language, people) }), { indent: 10 });
    }
  }
  doc.moveDown(0.5).fontSize(8.5).fillColor(MUTED).text(t("project.beneficiaries.note"));
}

function indicatorTable(doc: Doc, report: DonorReportData, t: Translator, language: Language): void {
  heading(doc, t("report.indicators"));
  doc.fontSize(8.5).fillColor(MUTED).text(t("dashboard.thresholds")).moveDown(0.5);
  const left = doc.page.margins.left;
  const columns = [
    { key: "indicator", label: t("project.framework.indicator"), width: 156 },
    { key: "baseline", label: t("project.framework.baseline"), width: 55 },
    { key: "target", label: t("project.framework.target"), width: 55 },
    { key: "actual", label: t("project.framework.actual"), width: 78 },
    { key: "progress", label: t("project.framework.progress"), width: 66 },
    { key: "status", label: t("dashboard.status"), width: width(doc) - 410 },
  ] as const;
  const row = (cells: Record<(typeof columns)[number]["key"], string>, font: "body" | "bold") => {
    doc.font(font).fontSize(8);
    const height = Math.max(...columns.map((c) => doc.heightOfString(cells[c.key], { width: c.width - 6 }))) + 6;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (font === "body") row(header, "bold");
    }
    const top = doc.y;
    let x = left;
    for (const column of columns) {
      doc.font(font).fontSize(8).fillColor(INK).text(cells[column.key], x + 3, top + 3, { width: column.width - 6, align: column.key === "indicator" || column.key === "status" ? "left" : "right" });
      x += column.width;
    }
    doc.moveTo(left, top + height).lineTo(left + width(doc), top + height).strokeColor(LINE).lineWidth(0.5).stroke();
    doc.x = left;
    doc.y = top + height;
  };
  const header = Object.fromEntries(columns.map((c) => [c.key, c.label])) as Record<(typeof columns)[number]["key"], string>;
  const results = new Map(report.results.map((r) => [r.id, r]));
  row(header, "bold");
  let resultId: number | null | undefined;
  for (const figure of report.dashboard.indicators.filter((f) => !f.indicator.isContext)) {
    if (figure.indicator.resultId !== resultId) {
      resultId = figure.indicator.resultId;
      const result = resultId === null ? undefined : results.get(resultId);
      if (result) {
        ensureSpace(doc, 40);
        doc.moveDown(0.3).font("bold").fontSize(8.5).fillColor(MUTED).text(`${result.code} ${localized(language, result.titleEn, result.titleFr)}`, left, doc.y, { width: width(doc) });
      }
    }
    const cells = indicatorCells(t, language, figure);
    row(
      {
        indicator: [`${cells.code} ${cells.name}${cells.unit ? ` (${cells.unit})` : ""}`, ...cells.notes].join("\n"),
        baseline: cells.baseline,
        target: cells.target,
        actual: cells.actual ?? t("project.framework.noActual"),
        progress: cells.progress,
        status: [cells.status, cells.due].filter(Boolean).join("\n"),
      },
      "body",
    );
  }
  const context = report.dashboard.indicators.filter((f) => f.indicator.isContext);
  if (context.length > 0) {
    ensureSpace(doc, 40);
    doc.moveDown(0.5).font("bold").fontSize(9).fillColor(INK).text(t("export.context"), left);
    doc.font("body").fontSize(8.5);
    for (const figure of context) {
      const cells = indicatorCells(t, language, figure);
      doc.text(`${cells.code} ${t("common.labelled", { label: cells.name, value: cells.actual ?? t("project.framework.noActual") })}`);
    }
  }
}

function charts(doc: Doc, report: DonorReportData, t: Translator, language: Language): void {
  const withProgress = report.dashboard.indicators.filter((f) => !f.indicator.isContext && f.progress !== null);
  const detail = report.dashboard.detail;
  if (withProgress.length === 0 && !detail) return;
  heading(doc, t("report.charts"));
  if (withProgress.length > 0) progressChart(doc, withProgress, t, language);
  if (detail && detail.series.length > 0) seriesChart(doc, detail, t, language);
}

/** A bar per indicator: the way travelled from baseline to target, with a mark where the target due by now stands. */
function progressChart(doc: Doc, figures: DonorReportData["dashboard"]["indicators"], t: Translator, language: Language): void {
  ensureSpace(doc, 60 + 16 * Math.min(figures.length, 10));
  doc.font("bold").fontSize(10.5).fillColor(INK).text(t("report.progressChart"), doc.page.margins.left);
  doc.font("body").fontSize(8).fillColor(MUTED).text(t("report.progressChartNote")).moveDown(0.4);
  const left = doc.page.margins.left;
  const labelWidth = 60;
  const valueWidth = 45;
  const scale = Math.max(1, ...figures.map((f) => Math.min(f.progress ?? 0, 1.5)));
  const barWidth = width(doc) - labelWidth - valueWidth;
  for (const figure of figures) {
    ensureSpace(doc, 18);
    const top = doc.y;
    const share = Math.max(0, Math.min(figure.progress ?? 0, 1.5)) / scale;
    doc.font("body").fontSize(8).fillColor(INK).text(figure.indicator.code, left, top + 2, { width: labelWidth - 4 });
    doc.rect(left + labelWidth, top, barWidth, 12).fillColor("#eef1f4").fill();
    doc.rect(left + labelWidth, top, barWidth * share, 12).fillColor(BAR).fill();
    const target = left + labelWidth + barWidth / scale;
    doc.moveTo(target, top - 2).lineTo(target, top + 14).strokeColor(INK).lineWidth(1).stroke();
    const due = progress({ direction: figure.indicator.direction, baseline: figure.indicator.baselineValue, target: figure.indicator.target, actual: figure.due });
    if (due !== null && due >= 0 && due <= scale) {
      const x = left + labelWidth + (barWidth * due) / scale;
      doc.moveTo(x, top - 1).lineTo(x, top + 13).dash(2, { space: 2 }).strokeColor(INK).stroke().undash();
    }
    doc.fillColor(INK).text(formatRatio(language, figure.progress ?? 0), left + labelWidth + barWidth + 4, top + 2, { width: valueWidth - 4, align: "right" });
    doc.x = left;
    doc.y = top + 17;
  }
  doc.moveDown(0.8);
}

/** The chosen indicator per period: bars of what was reported, the line of the actual to date, the dashed target. */
function seriesChart(doc: Doc, detail: NonNullable<DonorReportData["dashboard"]["detail"]>, t: Translator, language: Language): void {
  const { series, indicator } = detail;
  const chartHeight = 150;
  ensureSpace(doc, chartHeight + 70);
  doc.font("bold").fontSize(10.5).fillColor(INK).text(t("report.seriesChart", { code: indicator.code, name: localized(language, indicator.nameEn, indicator.nameFr) }), doc.page.margins.left);
  doc.moveDown(0.4);
  const left = doc.page.margins.left + 45;
  const plotWidth = width(doc) - 45;
  const top = doc.y + 6;
  const base = top + chartHeight;
  const max = Math.max(1, ...series.flatMap((s) => [s.reported ?? 0, s.toDate ?? 0, s.target ?? 0]));
  const y = (value: number) => base - (value / max) * chartHeight;
  doc.font("body").fontSize(7).fillColor(MUTED);
  for (const tick of [0, max / 2, max]) {
    doc.text(formatNumber(language, tick, 0), doc.page.margins.left, y(tick) - 4, { width: 40, align: "right" });
    doc.moveTo(left, y(tick)).lineTo(left + plotWidth, y(tick)).strokeColor("#e3e7ec").lineWidth(0.5).stroke();
  }
  const step = plotWidth / series.length;
  series.forEach((point, i) => {
    const x = left + i * step;
    if (point.reported !== null) doc.rect(x + step * 0.2, y(point.reported), step * 0.6, base - y(point.reported)).fillColor(LIGHT).fill();
    else doc.save().rotate(-90, { origin: [x + step / 2, base - 4] }).fillColor(MUTED).fontSize(6.5).text(t(`dashboard.gap.${point.gap ?? "awaiting_approval"}`), x + step / 2, base - 8, { lineBreak: false }).restore();
    if (series.length <= 12 || i % Math.ceil(series.length / 12) === 0) {
      doc.fillColor(MUTED).fontSize(6.5).text(point.period, x, base + 3, { width: step * Math.max(1, Math.ceil(series.length / 12)), align: "left" });
    }
  });
  // A gap breaks the actual's line: a period nobody approved is never joined over.
  const line = (values: (number | null)[], dashed: boolean, joinGaps: boolean) => {
    let started = false;
    let drawn = false;
    values.forEach((value, i) => {
      if (value === null) {
        if (!joinGaps) started = false;
        return;
      }
      const x = left + i * step + step / 2;
      if (started) doc.lineTo(x, y(value));
      else doc.moveTo(x, y(value));
      started = true;
      drawn = true;
    });
    if (!drawn) return;
    if (dashed) doc.dash(4, { space: 3 });
    doc.strokeColor(INK).lineWidth(dashed ? 1 : 1.8).stroke().undash();
  };
  line(series.map((s) => s.toDate), false, false);
  line(series.map((s) => s.target), true, true);
  const last = series.filter((s) => s.gap === null).at(-1);
  doc.x = doc.page.margins.left;
  doc.y = base + 16;
  doc.font("body").fontSize(8).fillColor(INK);
  const legend = (label: string, value: number | null | undefined) => (value === null || value === undefined ? label : t("common.labelled", { label, value: formatNumber(language, value) }));
  doc.text(`— ${legend(t("report.actualLine"), last?.toDate)}    - - ${legend(t("report.targetLine"), last?.target)}    ▮ ${t("dashboard.reported")}`);
  doc.moveDown(0.8);
}

function cascade(doc: Doc, report: DonorReportData, t: Translator): void {
  heading(doc, t("report.cascade"));
  if (report.trained.trainers === 0 && report.trained.trainees === 0) {
    doc.fontSize(10).fillColor(INK).text(t("report.noTrainings"));
    return;
  }
  const { trainers, trainees } = report.trained;
  doc.fontSize(10).fillColor(INK).text(trainers === 0 ? t("report.trainedOnly", { trainees }) : t("report.cascadeLine", { trainers, trainees }));
  doc.moveDown(0.3).fontSize(9);
  for (const step of report.cascade) {
    ensureSpace(doc, 20);
    doc.text(t("report.cascadeStep", { cohort: step.title, trainers: step.trainers, trainings: step.trainingsDelivered, people: step.peopleTrained }), { indent: 10 });
  }
}

function narrative(doc: Doc, report: DonorReportData, t: Translator, language: Language): void {
  heading(doc, t("report.narrative"));
  const written = report.narrative;
  if (!written) {
    doc.fontSize(10).fillColor(INK).text(t("report.noNarrative"));
    return;
  }
  if (written.language !== language) {
    doc.fontSize(9).fillColor(MUTED).text(t("report.otherLanguage", { language: t(`export.button.${written.language === "en" ? "english" : "french"}`) })).moveDown(0.3);
  }
  for (const key of ["highlights", "challenges", "nextSteps"] as const) {
    const text = written.text[key];
    if (!text) continue;
    ensureSpace(doc, 40);
    doc.font("bold").fontSize(10.5).fillColor(INK).text(t(`report.${key}`));
    doc.font("body").fontSize(10).text(text, { lineGap: 1.5 }).moveDown(0.6);
  }
}

/** The page number on every page, and on every page of a report of figures in review, that it is a draft. */
function pageFooters(doc: Doc, t: Translator, draft: boolean): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    // Writing below the bottom margin would start a new page: lift it while writing the footer.
    doc.page.margins.bottom = 0;
    if (draft) {
      doc.font("bold").fontSize(9).fillColor(DRAFT).text(t("report.draft"), doc.page.margins.left, 22, { width: width(doc), align: "center" });
      doc.font("bold").fontSize(9).fillColor(DRAFT).text(t("report.draft"), doc.page.margins.left, doc.page.height - 47, { width: width(doc), align: "center" });
    }
    doc.font("body").fontSize(8).fillColor(MUTED).text(t("report.page", { page: i + 1, pages: count }), doc.page.margins.left, doc.page.height - 35, { width: width(doc), align: "center" });
    doc.page.margins.bottom = margin;
  }
}
