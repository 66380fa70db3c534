import Link from "next/link";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { requireUser } from "@/server/auth/session";
import { getTranslator } from "@/server/i18n";
import { chooseLanguage } from "@/app/language-actions";
import { allows } from "@/lib/auth/permissions";
import { SyncStatus } from "@/components/offline/sync-status";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

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
          <SyncStatus userId={user.userId} language={language} messages={(language === "fr" ? fr : en).offline} />
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
