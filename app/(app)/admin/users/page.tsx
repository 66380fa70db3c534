import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UserChangeForm } from "@/components/admin/user-change-form";
import { listUsers } from "@/db/queries/user-admin";
import { requireUser } from "@/lib/auth/session";
import { USER_ROLES } from "@/lib/domain/codes";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("users.title") };
}

/** The accounts, for admins: a role changed, an account disabled or a password reset ends that person's sessions at once. */
export default async function UsersPage() {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const { t, language } = await getTranslator();
  const roles = USER_ROLES.map((r) => ({ value: r, label: t(`nav.role.${r}`) }));
  return (
    <>
      <h1>{t("users.title")}</h1>
      <p className="muted">{t("users.intro")}</p>
      <div className="table-scroll card">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("users.account")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.state")}</th>
              <th scope="col">{t("users.password")}</th>
            </tr>
          </thead>
          <tbody>
            {listUsers({ viewer: user }).map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  <span className="hint">
                    {u.email}
                    {u.organisation && ` · ${u.organisation}`}
                  </span>
                </th>
                <td>
                  <UserChangeForm userId={u.id} change="role" role={u.role} roles={roles} label={t("users.changeRole")} />
                </td>
                <td>
                  {u.disabledAt ? <span className="hint">{t("users.disabledOn", { date: formatDate(language, u.disabledAt) })}</span> : null}
                  <UserChangeForm userId={u.id} change={u.disabledAt ? "enable" : "disable"} label={u.disabledAt ? t("users.enable") : t("users.disable")} />
                </td>
                <td>
                  <UserChangeForm userId={u.id} change="password" label={t("users.setPassword")} passwordLabel={t("users.newPassword")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
