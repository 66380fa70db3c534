import type { Metadata } from "next";
import { OfflineNotice } from "@/components/offline/offline-notice";
import { LANGUAGES } from "@/lib/domain/codes";
import { getTranslator } from "@/server/i18n";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

// Kept by the service worker at install and shown in place of a page never opened on this device,
// when there is no connection. It names the entry pages kept here; the words follow the language of
// the last person signed in on this device (it cannot ask the server).

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("offline.pageTitle") };
}

export default async function OfflinePage() {
  const { language } = await getTranslator();
  const messages = { en: en.offline, fr: fr.offline };
  return (
    <main>
      <OfflineNotice serverLanguage={language} messages={Object.fromEntries(LANGUAGES.map((l) => [l, messages[l]]))} />
    </main>
  );
}
