"use client";

import { useSyncExternalStore } from "react";
import type { Language } from "@/lib/domain/codes";
import { formatDateTime } from "@/lib/i18n/format";

// The server does not know the reader's time zone, so it writes times in UTC; once in the browser
// they turn into the reader's own zone. useSyncExternalStore gives React both answers, so the first
// render matches the server's HTML and the second shows local time without a hydration warning.

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const serverZone = () => "UTC";

function useTimeZone(): string {
  return useSyncExternalStore(subscribe, browserZone, serverZone);
}

/** An instant ("2026-11-30T14:02:11.000Z") as date and time in the reader's time zone. */
export function LocalTime({ at, language }: { at: string; language: Language }) {
  const zone = useTimeZone();
  // Browsers and Node may word a date a little differently (their ICU versions differ).
  return (
    <time dateTime={at} suppressHydrationWarning>
      {formatDateTime(language, at, zone)}
    </time>
  );
}

/** Names the zone the times of the page are in; `label` holds "{zone}". */
export function TimeZoneNote({ label }: { label: string }) {
  const zone = useTimeZone();
  return <p className="muted small">{label.replace("{zone}", zone)}</p>;
}
