import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { listAuditEntries, listAuditFilterChoices } from "@/db/queries/audit";
import { requireUser } from "@/lib/auth/session";
import { getTranslator } from "@/lib/i18n/server";

const ACTION_GROUPS = ["data_value", "period", "narrative", "project", "indicator", "result", "training", "beneficiary", "user", "api_token"] as const;
const LIMIT = 200;

const filtersSchema = z.object({
  projectId: z.coerce.number().int().positive().optional().catch(undefined),
  userId: z.coerce.number().int().positive().optional().catch(undefined),
  action: z.enum(ACTION_GROUPS).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("audit.title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const { t } = await getTranslator();
  const raw = await searchParams;
  const filters = filtersSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "string" && v !== "" ? v : undefined])));
  const ctx = { viewer: user };
  const entries = listAuditEntries(ctx, filters, LIMIT);
  const choices = listAuditFilterChoices(ctx);

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
            {ACTION_GROUPS.map((group) => (
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
      {entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="card table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.user")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.project")}</th>
                <th scope="col">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{entry.at.replace("T", " ").slice(0, 19)}</td>
                  <td>{entry.userName ?? "—"}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.projectCode ?? "—"}</td>
                  <td className="details">
                    <code>{entry.details}</code>
                  </td>
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
