import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listAuditEntries, listAuditFilterChoices, listAuditNameSources } from "@/db/audit/audit";
import { LocalTime, TimeZoneNote } from "@/components/ui/local-time";
import { auditNames, describeAuditEntry } from "@/lib/audit/describe-entry";
import { requireUser } from "@/server/auth/session";
import { getTranslator } from "@/server/i18n";
import { AUDIT_ACTION_GROUPS, auditFiltersQuery, parseAuditFilters } from "@/lib/validation/audit-filters";
import { allows } from "@/lib/auth/permissions";

const LIMIT = 200;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("audit.title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!allows(user, "administer")) notFound();
  const { t, language } = await getTranslator();
  const filters = parseAuditFilters(await searchParams);
  const ctx = { viewer: user };
  const entries = await listAuditEntries(ctx, filters, LIMIT);
  const choices = await listAuditFilterChoices(ctx);
  const names = auditNames(await listAuditNameSources(ctx), t, language);
  const query = auditFiltersQuery(filters);

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <form className="card filters" method="get">
        <label>
          {t("audit.project")}
          <select name="projectId" defaultValue={filters.projectId ?? ""}>
            <option value="">{t("audit.any")}</option>
            {choices.projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.user")}
          <select name="userId" defaultValue={filters.userId ?? ""}>
            <option value="">{t("audit.any")}</option>
            {choices.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.action")}
          <select name="action" defaultValue={filters.action ?? ""}>
            <option value="">{t("audit.any")}</option>
            {AUDIT_ACTION_GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`audit.actions.${group}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.from")}
          <input type="date" name="from" defaultValue={filters.from ?? ""} />
        </label>
        <label>
          {t("audit.to")}
          <input type="date" name="to" defaultValue={filters.to ?? ""} />
        </label>
        <button type="submit">{t("audit.filter")}</button>
      </form>
      <p>
        <a href={`/api/v1/audit/export.csv${query ? `?${query}` : ""}`} download>
          {t("audit.csv")}
        </a>
      </p>
      {entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="card table-scroll">
          <TimeZoneNote label={t("audit.timeZone", { zone: "{zone}" })} />
          <table className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.project")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">
                    <LocalTime at={entry.at} language={language} />
                  </td>
                  <td>
                    {describeAuditEntry(entry, names, t, language)}
                    {entry.details && (
                      <details className="raw-details">
                        <summary>{t("audit.raw")}</summary>
                        <code>{entry.action}</code> <code>{entry.details}</code>
                      </details>
                    )}
                  </td>
                  <td data-label={t("audit.project")}>{entry.projectCode ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length === LIMIT && <p className="muted small">{t("audit.limit", { count: LIMIT })}</p>}
        </div>
      )}
    </>
  );
}
