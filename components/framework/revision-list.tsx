import type { RevisionEntry } from "@/lib/indicators/revision-entry";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import type { Words } from "@/components/ui/words";

/** The earlier targets and baselines of an indicator, with when, who and why. */
export function RevisionList({ words, revisions }: { words: Words; revisions: RevisionEntry[] }) {
  const { t, language } = words;
  if (revisions.length === 0) return <span className="muted small">{t("framework.noRevisions")}</span>;
  const n = (value: number | null) => (value === null ? "—" : formatNumber(language, value));
  return (
    <ul className="plain small">
      {revisions.map((r, i) => (
        <li key={i}>
          {t("framework.revisionLine", { date: formatDate(language, r.changedAt), user: r.changedBy, field: r.field, before: n(r.previousValue), after: n(r.newValue), reason: r.reason })}
        </li>
      ))}
    </ul>
  );
}
