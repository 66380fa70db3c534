"use client";

import { Link } from "../ui/link";
import { useEffect } from "react";
import type { Language } from "@/lib/domain/codes";
import { formatNumber } from "@/lib/i18n/format";
import { countChanges } from "@/lib/offline/change-log";
import { sendWaiting, startOutbox } from "./outbox";
import { startServiceWorker } from "./service-worker";
import { useOutbox } from "./use-outbox";

/** A sentence for one and for several, "{count}" standing for the number (the language's plural rule picks). */
type Counted = { one: string; other: string };

export type SyncLabels = {
  label: string;
  allSaved: string;
  waiting: Counted;
  conflicts: Counted;
  refused: Counted;
  sendNow: string;
  sending: string;
  unreachable: string;
  signedOut: string;
  signIn: string;
  seeThem: string;
};

type Props = { userId: number; language: Language; labels: SyncLabels };

/**
 * "3 changes wait on this device". Its Intl objects are made only when something waits: a page's
 * first one costs the browser its locale data, which every page would pay while hydrating.
 */
function counted(language: Language, sentence: Counted, count: number): string {
  const one = new Intl.PluralRules(language).select(count) === "one";
  return (one ? sentence.one : sentence.other).replace("{count}", formatNumber(language, count));
}

/**
 * On every page: whether the figures typed on this device have reached the server, a button to send
 * them now, and where to decide the conflicts. It opens the change log of the signed-in person and
 * starts the service worker that keeps the entry pages for use without a connection. Its sentences
 * come worded from the server: every page carries it, and a message formatter would weigh on each.
 */
export function SyncStatus({ userId, language, labels }: Props) {
  const outbox = useOutbox();
  useEffect(() => {
    void startOutbox(userId);
    void startServiceWorker(userId, language);
  }, [userId, language]);

  const { waiting, conflicts, refused } = countChanges(outbox.changes);
  const ready = outbox.userId === userId;
  const firstToDecide = outbox.changes.find((c) => c.state !== "waiting");
  const status = waiting > 0 ? counted(language, labels.waiting, waiting) : conflicts + refused === 0 ? labels.allSaved : null;

  return (
    <div className="sync-status" aria-label={labels.label} role="group">
      <span role="status" className={waiting > 0 ? "sync-waiting" : "sync-saved"}>
        {ready && status}
      </span>
      {ready && waiting > 0 && (
        <button type="button" className="link-button" onClick={() => void sendWaiting()} disabled={outbox.sending}>
          {outbox.sending ? labels.sending : labels.sendNow}
        </button>
      )}
      {ready && waiting > 0 && outbox.unreachable && !outbox.sending && <span className="muted small">{labels.unreachable}</span>}
      {ready && outbox.signedOut && waiting + conflicts > 0 && (
        <span className="form-error small">
          {labels.signedOut} <a href={`/login?callbackUrl=${encodeURIComponent(typeof window === "undefined" ? "/" : window.location.pathname)}`}>{labels.signIn}</a>
        </span>
      )}
      {ready && firstToDecide && (
        <span className="form-error small">
          {[conflicts > 0 ? counted(language, labels.conflicts, conflicts) : null, refused > 0 ? counted(language, labels.refused, refused) : null].filter(Boolean).join(" · ")}{" "}
          <Link href={`/projects/${encodeURIComponent(firstToDecide.projectCode)}/entry/${encodeURIComponent(firstToDecide.period)}#offline-decisions`}>{labels.seeThem}</Link>
        </span>
      )}
    </div>
  );
}
