import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NewUserForm } from "@/components/admin/new-user-form";
import { UserChangeForm } from "@/components/admin/user-change-form";
import { listOrganisations } from "@/db/projects/organisations";
import { listProjects } from "@/db/projects/projects";
import { listUsers } from "@/db/users/user-admin";
import { requireUser } from "@/server/auth/session";
import { LANGUAGES, USER_ROLES } from "@/lib/domain/codes";
import { formatDate, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { addUserAction, changeUserAction } from "./actions";
import { allows } from "@/lib/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("users.title") };
}

/**
 * The people of the installation, for admins: adding one (with a one-time sign-in link), their role,
 * state, a manager's projects, a donor's organisation. A role changed, an account disabled or a
 * password reset ends that person's sessions at once.
 */
export default async function UsersPage() {
  const user = await requireUser();
  if (!allows(user, "administer")) notFound();
  const { t, language } = await getTranslator();
  const ctx = { viewer: user };
  const roles = USER_ROLES.map((r) => ({ value: r, label: t(`nav.role.${r}`) }));
  const projects = (await listProjects(ctx)).map((p) => ({ value: p.code, label: `${p.code} ${localized(language, p.titleEn, p.titleFr)}` }));
  const organisations = (await listOrganisations(ctx)).map((o) => ({ value: o.code, label: localized(language, o.nameEn, o.nameFr) }));
  const linkLabels = { intro: t("users.link.intro"), expires: t.raw("users.link.expires") as string, copy: t("users.link.copy"), copied: t("users.link.copied") };
  const no = t("entry.cancel");
  const people = await listUsers(ctx);
  return (
    <>
      <h1>{t("users.title")}</h1>
      <p className="muted">{t("users.intro")}</p>
      <NewUserForm
        roles={roles}
        languages={LANGUAGES.map((l) => ({ value: l, label: t(`users.languageName.${l}`) }))}
        projects={projects}
        organisations={organisations}
        addUserAction={addUserAction}
        labels={{
          legend: t("users.add"),
          name: t("users.name"),
          email: t("users.email"),
          role: t("users.role"),
          language: t("users.language"),
          projects: t("users.projects"),
          organisation: t("users.organisation"),
          choose: t("users.choose"),
          add: t("users.addButton"),
          link: linkLabels,
        }}
      />
      <div className="table-scroll card">
        <table className="stack-on-phone">
          <thead>
            <tr>
              <th scope="col">{t("users.account")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.access")}</th>
              <th scope="col">{t("users.state")}</th>
              <th scope="col">{t("users.password")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.name}
                  <span className="hint">{u.email}</span>
                </th>
                <td data-label={t("users.role")}>
                  <UserChangeForm
                    userId={u.id}
                    change="role"
                    label={t("users.changeRole")}
                    changeUserAction={changeUserAction}
                    confirm={{ title: t("users.confirmRole.title", { name: u.name }), body: t("users.confirmRole.body"), yes: t("users.changeRole"), no }}
                  >
                    <select name="role" defaultValue={u.role} aria-label={t("users.roleOf", { name: u.name })}>
                      {roles.map((r) => (
                        <option key={r.value} value={r.value}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </UserChangeForm>
                </td>
                <td data-label={t("users.access")}>
                  {u.role === "manager" && (
                    <details>
                      <summary>{u.projects.length > 0 ? u.projects.join(", ") : t("users.noProject")}</summary>
                      <UserChangeForm userId={u.id} change="projects" label={t("users.saveProjects")} changeUserAction={changeUserAction}>
                        <fieldset className="choices">
                          <legend>{t("users.projectsOf", { name: u.name })}</legend>
                          {projects.map((p) => (
                            <label key={p.value} className="choice">
                              <input type="checkbox" name="projects" value={p.value} defaultChecked={u.projects.includes(p.value)} /> {p.label}
                            </label>
                          ))}
                        </fieldset>
                      </UserChangeForm>
                    </details>
                  )}
                  {u.role === "donor" && (
                    <UserChangeForm userId={u.id} change="organisation" label={t("users.saveOrganisation")} changeUserAction={changeUserAction}>
                      <select name="organisation" defaultValue={u.organisation?.code ?? ""} aria-label={t("users.organisationOf", { name: u.name })}>
                        <option value="">{t("users.choose")}</option>
                        {organisations.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </UserChangeForm>
                  )}
                  {(u.role === "admin" || u.role === "staff") && <span className="hint">{t("users.everyProject")}</span>}
                </td>
                <td data-label={t("users.state")}>
                  <span className={`badge badge-user-${u.state}`}>
                    {u.state === "disabled"
                      ? t("users.stateName.disabled", { date: formatDate(language, u.disabledAt ?? "") })
                      : u.state === "invited"
                        ? t("users.stateName.invited", { date: formatDate(language, u.linkExpiresAt ?? "") })
                        : t(`users.stateName.${u.state}`)}
                  </span>
                  {u.state === "disabled" ? (
                    <UserChangeForm userId={u.id} change="enable" label={t("users.enable")} changeUserAction={changeUserAction} />
                  ) : (
                    <UserChangeForm
                      userId={u.id}
                      change="disable"
                      label={t("users.disable")}
                      changeUserAction={changeUserAction}
                      confirm={{ title: t("users.confirmDisable.title", { name: u.name }), body: t("users.confirmDisable.body"), yes: t("users.disable"), no }}
                    />
                  )}
                  {(u.state === "invited" || u.state === "invitation_expired") && (
                    <UserChangeForm userId={u.id} change="link" label={t("users.newLink")} changeUserAction={changeUserAction} linkLabels={linkLabels} />
                  )}
                </td>
                <td data-label={t("users.password")}>
                  <UserChangeForm userId={u.id} change="password" label={t("users.setPassword")} changeUserAction={changeUserAction}>
                    <input
                      name="password"
                      type="password"
                      autoComplete="new-password"
                      aria-label={t("users.newPasswordOf", { name: u.name })}
                      placeholder={t("users.newPassword")}
                      minLength={12}
                    />
                  </UserChangeForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
