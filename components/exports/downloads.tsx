import { formatPeriod } from "@/lib/i18n/format";
import type { Words } from "@/components/ui/words";

/**
 * The files of a project or programme: the indicator tracking table in Excel and CSV, the
 * long-format tables, individual records for those who may see them, and the donor report. Plain
 * links and a GET form: the server decides again what each file holds for this user.
 */
export function Downloads({
  words,
  base,
  approvedOnly,
  records,
  report,
  iatiLabel,
}: {
  words: Words;
  /** `/api/v1/projects/{code}` or `/api/v1/programmes/{code}` */
  base: string;
  approvedOnly: boolean;
  records: boolean;
  /** The periods a donor report may be made of: ended ones, and only approved ones for donors; `draft` for those not approved. */
  report?: { periods: { period: string; draft: boolean }[]; period: string };
  iatiLabel: string;
}) {
  const { t, language } = words;
  const status = approvedOnly ? "status=approved" : "";
  const csv = (kind: string, delimiter?: "semicolon") => `${base}/export.csv?${[`kind=${kind}`, delimiter && `delimiter=${delimiter}`, status].filter(Boolean).join("&")}`;
  const kinds = [
    ["values", t("export.button.values")],
    ["trainings", t("export.button.trainings")],
    ["beneficiaries", t("export.button.beneficiaries")],
    ...(records ? [["records", t("export.button.records")]] : []),
  ] as const;
  return (
    <section className="card" aria-labelledby="downloads">
      <h2 id="downloads">{t("export.button.title")}</h2>
      <p className="muted small">{approvedOnly ? t("export.button.approvedNote") : t("export.button.reviewNote")}</p>
      <ul className="downloads">
        <li>
          <a href={`${base}/export.xlsx${status ? `?${status}` : ""}`} download>
            {t("export.button.trackingXlsx")}
          </a>
        </li>
        <li>
          <a href={`${base}/iati.xml`} download>
            {iatiLabel}
          </a>
        </li>
        {[["tracking", t("export.button.trackingCsv")] as const, ...kinds].map(([kind, label]) => (
          <li key={kind}>
            <a href={csv(kind)} download>
              {label}
            </a>{" "}
            <a href={csv(kind, "semicolon")} download className="small" aria-label={t("common.labelled", { label, value: t("export.button.semicolon") })}>
              ({t("export.button.semicolon")})
            </a>
          </li>
        ))}
      </ul>
      {report && report.periods.length === 0 && <p className="muted">{t("export.button.noReportPeriod")}</p>}
      {report && report.periods.length > 0 && (
        <form method="get" action={`${base}/report.pdf`} className="filters" aria-label={t("export.button.report")}>
          <label>
            {t("export.button.reportPeriod")}
            <select name="period" defaultValue={report.period}>
              {report.periods.map(({ period, draft }) => (
                <option key={period} value={period}>
                  {draft ? t("export.button.draftPeriod", { period: formatPeriod(language, period) }) : formatPeriod(language, period)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("export.button.reportLanguage")}
            <select name="lang" defaultValue={language}>
              <option value="en">{t("export.button.english")}</option>
              <option value="fr">{t("export.button.french")}</option>
            </select>
          </label>
          <button type="submit">{t("export.button.makeReport")}</button>
        </form>
      )}
    </section>
  );
}
