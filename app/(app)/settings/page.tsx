import type { Metadata } from "next";
import { ChangePasswordForm, CreateTokenForm, RevokeTokenButton } from "@/components/settings/token-forms";
import { listApiTokens } from "@/db/users/api-tokens";
import { requireUser } from "@/server/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { changePasswordAction, createTokenAction, revokeTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("settings.title") };
}

/** The user's settings: personal API tokens, made and revoked here. */
export default async function SettingsPage() {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  const tokens = await listApiTokens({ viewer: user });
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <section className="card" aria-labelledby="password">
        <h2 id="password">{t("settings.passwordTitle")}</h2>
        <ChangePasswordForm
          changePasswordAction={changePasswordAction}
          labels={{ current: t("settings.currentPassword"), next: t("settings.newPassword"), save: t("settings.changePassword"), hint: t("settings.passwordHint") }}
        />
      </section>
      <section className="card" aria-labelledby="tokens">
        <h2 id="tokens">{t("settings.tokens")}</h2>
        <p>{t("settings.intro")}</p>
        <p>
          {/* The API reference is a route of its own, not a page of the app: a full load, not a client navigation. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/api/docs">{t("settings.apiReference")}</a> · <a href="/api/v1/openapi.json">{t("settings.openApi")}</a>
        </p>
        <CreateTokenForm
          createTokenAction={createTokenAction}
          labels={{ name: t("settings.name"), create: t("settings.create"), once: t("settings.once"), usage: t("settings.usage") }}
        />
        {tokens.length === 0 ? (
          <p className="muted">{t("settings.none")}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("settings.name")}</th>
                  <th scope="col">{t("settings.prefix")}</th>
                  <th scope="col">{t("settings.createdAt")}</th>
                  <th scope="col">{t("settings.lastUsed")}</th>
                  <th scope="col">{t("settings.state")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>{formatDate(language, token.createdAt)}</td>
                    <td>{token.lastUsedAt ? formatDate(language, token.lastUsedAt) : t("settings.never")}</td>
                    <td>
                      {token.revokedAt ? (
                        t("settings.revokedOn", { date: formatDate(language, token.revokedAt) })
                      ) : (
                        <RevokeTokenButton revokeTokenAction={revokeTokenAction} id={token.id} label={t("settings.revoke")} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
