// Records (services received, trainings) dated inside an approved period reach donors only through
// that period's approval. Managers see what happened to them since: for each approved period, how
// many records were added and how many of those approved were changed or removed.

/** A record as compared: the period it is dated in, what identifies it, and what it says. */
export type ComparedRecord = { period: string; key: string; content: string };

export type PeriodChanges = { added: number; changed: number };

/**
 * Per approved period: records now dated in it that were not there at its approval (added), and
 * records approved in it that now say something else, moved to another period or are gone (changed).
 * Periods without any change are left out.
 */
export function changesSinceApproval(live: readonly ComparedRecord[], approved: readonly ComparedRecord[], approvedPeriods: ReadonlySet<string>): Map<string, PeriodChanges> {
  const index = (records: readonly ComparedRecord[]) => {
    const byPeriod = new Map<string, Map<string, string>>();
    for (const r of records) {
      if (!approvedPeriods.has(r.period)) continue;
      const period = byPeriod.get(r.period) ?? new Map<string, string>();
      period.set(r.key, r.content);
      byPeriod.set(r.period, period);
    }
    return byPeriod;
  };
  const now = index(live);
  const then = index(approved);
  const changes = new Map<string, PeriodChanges>();
  for (const period of approvedPeriods) {
    const current = now.get(period) ?? new Map<string, string>();
    const frozen = then.get(period) ?? new Map<string, string>();
    const added = [...current.keys()].filter((key) => !frozen.has(key)).length;
    const changed = [...frozen].filter(([key, content]) => current.get(key) !== content).length;
    if (added > 0 || changed > 0) changes.set(period, { added, changed });
  }
  return changes;
}

/** Dated records that would land in approved periods: how many per period, in period order. */
export function recordsInApprovedPeriods(periodsOfRecords: readonly string[], approvedPeriods: ReadonlySet<string>): { period: string; records: number }[] {
  const counts = new Map<string, number>();
  for (const period of periodsOfRecords) if (approvedPeriods.has(period)) counts.set(period, (counts.get(period) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([period, records]) => ({ period, records }));
}
