import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { requireUser } from "@/server/auth/session";
import { getTranslator } from "@/server/i18n";
import { chooseLanguage } from "@/app/language-actions";
import { allows } from "@/lib/auth/permissions";
import { SyncStatus } from "@/components/offline/sync-status";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const { t, language } = await getTranslator();
  return (
    <>
      <header className="app-header">
        <Link href="/" className="brand">
          {t("common.appName")}
        </Link>
        <nav aria-label={t("nav.mainNavigation")}>
          <Link href="/">{t("nav.projects")}</Link>
          {allows(user, "administer") && <Link href="/audit">{t("nav.audit")}</Link>}
          {allows(user, "administer") && <Link href="/admin/users">{t("nav.users")}</Link>}
          <Link href="/settings">{t("nav.settings")}</Link>
        </nav>
        <div className="account">
          <SyncStatus
            userId={user.userId}
            language={language}
            labels={{
              label: t("offline.label"),
              allSaved: t("offline.allSaved"),
              waiting: { one: t.raw("offline.waitingOne") as string, other: t.raw("offline.waitingOther") as string },
              conflicts: { one: t.raw("offline.conflictsOne") as string, other: t.raw("offline.conflictsOther") as string },
              refused: { one: t.raw("offline.refusedOne") as string, other: t.raw("offline.refusedOther") as string },
              sendNow: t("offline.sendNow"),
              sending: t("offline.sending"),
              unreachable: t("offline.unreachable"),
              signedOut: t("offline.signedOut"),
              signIn: t("offline.signIn"),
              seeThem: t("offline.seeThem"),
            }}
          />
          <span className="who">
            {t("nav.signedInAs", { name: user.name })} · {t(`nav.role.${user.role}`)}
          </span>
          <LanguageSwitch chooseLanguage={chooseLanguage} current={language} label={t("nav.language")} />
          <SignOutButton label={t("nav.signOut")} />
        </div>
      </header>
      <main>{children}</main>
    </>
  );
}
