import type { Metadata } from "next";
import { WelcomeForm } from "@/components/auth/welcome-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { findSignInLink } from "@/db/users/user-admin";
import { getTranslator } from "@/server/i18n";
import { setPasswordAction } from "./actions";
import { chooseLanguage } from "@/app/language-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("welcome.title") };
}

/** A one-time sign-in link: the person it was made for chooses their password, once, within 7 days. */
export default async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { t, language } = await getTranslator();
  const link = await findSignInLink(token);
  return (
    <main className="login">
      <div className="login-card">
        <p className="brand">{t("common.appName")}</p>
        <h1>{t("welcome.title")}</h1>
        {link ? (
          <>
            <p>{t("welcome.intro", { name: link.name, email: link.email })}</p>
            <WelcomeForm
              token={token}
              setPasswordAction={setPasswordAction}
              labels={{ password: t("welcome.password"), confirm: t("welcome.confirm"), submit: t("welcome.submit"), signIn: t("welcome.signIn") }}
            />
          </>
        ) : (
          <p className="form-error" role="alert">
            {t("users.problem.invalid_link")}
          </p>
        )}
        <LanguageSwitch chooseLanguage={chooseLanguage} current={language} label={t("nav.language")} />
      </div>
    </main>
  );
}
