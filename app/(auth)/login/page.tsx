import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getCurrentUser } from "@/server/auth/session";
import { getTranslator } from "@/server/i18n";
import { chooseLanguage } from "@/app/language-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("auth.title") };
}

/** Only a path of this site is followed after signing in. */
function safeCallbackUrl(value: string | string[] | undefined): string {
  return typeof value === "string" && /^\/(?!\/)/.test(value) ? value : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const { t, language } = await getTranslator();
  return (
    <main className="login">
      <div className="login-card">
        <p className="brand">{t("common.appName")}</p>
        <h1>{t("auth.title")}</h1>
        <p className="muted">{t("common.tagline")}</p>
        <LoginForm
          callbackUrl={callbackUrl}
          labels={{
            email: t("auth.email"),
            password: t("auth.password"),
            submit: t("auth.submit"),
            submitting: t("auth.submitting"),
            invalid: t("auth.invalid"),
            disabled: t("auth.disabled"),
            unavailable: t("auth.unavailable"),
          }}
        />
        <LanguageSwitch chooseLanguage={chooseLanguage} current={language} label={t("nav.language")} />
      </div>
    </main>
  );
}
