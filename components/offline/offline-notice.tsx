"use client";

import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { createTranslator } from "use-intl/core";
import { LANGUAGES, type Language } from "@/lib/domain/codes";
import type { Translator } from "@/lib/i18n/translator";
import { ENTRY_PAGE, ENTRY_PAGES_CACHE, OFFLINE_LANGUAGE_KEY } from "@/lib/offline/offline-names";

type Props = { serverLanguage: Language; messages: Record<string, Record<string, unknown>> };

const noSubscription = () => () => undefined;

/** Says why the page cannot show, and lists the entry pages kept on this device, in the last reader's language. */
export function OfflineNotice({ serverLanguage, messages }: Props) {
  const language = useSyncExternalStore(
    noSubscription,
    () => {
      const stored = localStorage.getItem(OFFLINE_LANGUAGE_KEY);
      return LANGUAGES.find((l) => l === stored) ?? serverLanguage;
    },
    () => serverLanguage,
  );
  const t = useMemo(() => createTranslator({ locale: language, messages: { offline: messages[language] } }) as unknown as Translator, [language, messages]);
  const [kept, setKept] = useState<string[] | null>(null);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t("offline.pageTitle");
  }, [language, t]);
  useEffect(() => {
    const requests = "caches" in window ? caches.open(ENTRY_PAGES_CACHE).then((cache) => cache.keys()) : Promise.resolve([]);
    void requests.then((kept) => setKept(kept.map((r) => new URL(r.url).pathname).filter((path) => ENTRY_PAGE.test(path))));
  }, []);

  return (
    <section className="card offline-notice" aria-labelledby="offline-title">
      <h1 id="offline-title">{t("offline.pageTitle")}</h1>
      <p>{t("offline.pageBody")}</p>
      <p>{t("offline.pageWhatToDo")}</p>
      <h2>{t("offline.pageOpened")}</h2>
      {kept !== null && kept.length === 0 && <p className="muted">{t("offline.pageNone")}</p>}
      {kept !== null && kept.length > 0 && (
        <ul>
          {kept.map((path) => {
            const [, , project, , period] = path.split("/");
            return (
              <li key={path}>
                <a href={path}>{t("offline.pageEntry", { project: decodeURIComponent(project ?? ""), period: decodeURIComponent(period ?? "") })}</a>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" onClick={() => window.location.reload()}>
        {t("offline.reload")}
      </button>
    </section>
  );
}
