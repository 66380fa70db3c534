"use client";

import Link from "next/link";
import { useEffect, useMemo } from "react";
import { createTranslator } from "use-intl/core";
import type { Language } from "@/lib/domain/codes";
import type { Translator } from "@/lib/i18n/translator";
import { sendWaiting, startOutbox } from "./outbox";
import { useOutbox } from "./use-outbox";
import { countChanges } from "@/lib/offline/change-log";
import { startServiceWorker } from "./service-worker";

type Props = { userId: number; language: Language; messages: Record<string, unknown> };

/**
 * On every page: whether the figures typed on this device have reached the server, a button to send
 * them now, and where to decide the conflicts. It opens the change log of the signed-in person and
 * starts the service worker that keeps the entry pages for use without a connection.
 */
export function SyncStatus({ userId, language, messages }: Props) {
  const t = useMemo(() => createTranslator({ locale: language, messages: { offline: messages } }) as unknown as Translator, [language, messages]);
  const outbox = useOutbox();
  useEffect(() => {
    void startOutbox(userId);
    void startServiceWorker(userId, language);
  }, [userId, language]);

  const { waiting, conflicts, refused } = countChanges(outbox.changes);
  const ready = outbox.userId === userId;
  const firstToDecide = outbox.changes.find((c) => c.state !== "waiting");
  const status = waiting > 0 ? t("offline.waiting", { count: waiting }) : conflicts + refused === 0 ? t("offline.allSaved") : null;

  return (
    <div className="sync-status" aria-label={t("offline.label")} role="group">
      <span role="status" className={waiting > 0 ? "sync-waiting" : "sync-saved"}>
        {ready && status}
      </span>
      {ready && waiting > 0 && (
        <button type="button" className="link-button" onClick={() => void sendWaiting()} disabled={outbox.sending}>
          {outbox.sending ? t("offline.sending") : t("offline.sendNow")}
        </button>
      )}
      {ready && waiting > 0 && outbox.unreachable && !outbox.sending && <span className="muted small">{t("offline.unreachable")}</span>}
      {ready && outbox.signedOut && waiting + conflicts > 0 && (
        <span className="form-error small">
          {t("offline.signedOut")}{" "}
          <a href={`/login?callbackUrl=${encodeURIComponent(typeof window === "undefined" ? "/" : window.location.pathname)}`}>{t("offline.signIn")}</a>
        </span>
      )}
      {ready && firstToDecide && (
        <span className="form-error small">
          {[conflicts > 0 ? t("offline.conflictCount", { count: conflicts }) : null, refused > 0 ? t("offline.refusedCount", { count: refused }) : null].filter(Boolean).join(" · ")}{" "}
          <Link href={`/projects/${encodeURIComponent(firstToDecide.projectCode)}/entry/${encodeURIComponent(firstToDecide.period)}#offline-decisions`}>{t("offline.seeThem")}</Link>
        </span>
      )}
    </div>
  );
}
