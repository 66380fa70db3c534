// The rules of the change log that the entry grid keeps in the browser until the server has written
// each change (components/offline keeps it in IndexedDB and sends it): what goes next, what a written,
// refused or conflicting change does to the others, and the manager's decisions. Pure, so tested here.

/** A cell as the server holds it: its figure, comment and version (null when there is no value). */
export type StoredCell = { key: string; version: number | null; value: number | null; numerator: number | null; denominator: number | null; comment: string | null };

/** One cell of a change: where, what was typed, and the version of the value it started from. */
export type ChangeCell = {
  /** The grid's key of the cell: indicator | place | options. */
  key: string;
  /** The cell as the manager reads it ("OP2.3 Huye, Female"), for the lists and the CSV file. */
  label: string;
  indicatorId: number;
  locationCode: string;
  disaggregation: Record<string, string>;
  /** As typed, without thousands separators; an empty figure deletes the value. */
  value?: string;
  numerator?: string;
  denominator?: string;
  comment: string;
  /** The version the manager started from; null for a cell that had no value. */
  baseVersion: number | null;
  /** The earlier change of the same cell, still waiting, that this one follows: its version is known once that one is written. */
  follows?: string;
  /** The server holds another value since: the manager chooses. */
  conflict?: { current: StoredCell | null; changedBy: string | null; changedAt: string | null };
  /** Why the server refused this cell. */
  problem?: string;
};

export type ChangeState = "waiting" | "conflict" | "refused";

/** One save of the grid: written all together, or not at all. */
export type Change = {
  /** Made in the browser; the `Idempotency-Key` of its request, so that sending it twice writes it once. */
  id: string;
  /** Only this person's session sends it. */
  userId: number;
  projectCode: string;
  period: string;
  /** When it was made: changes are sent in this order. */
  createdAt: string;
  cells: ChangeCell[];
  state: ChangeState;
  /** Counts the manager's decisions on the change (a conflict decided, sent again), so that the grid shows it afresh. */
  revision?: number;
  /** Why the server refused the change (the period was submitted meanwhile, say). */
  reason?: string;
};

/** Oldest first; a change made in the same millisecond by its id, so that every tab agrees. */
export const inOrder = (changes: readonly Change[]): Change[] => [...changes].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

/**
 * A new save's cells, each chained to the earlier change still waiting for the same cell: it starts
 * from the version that one will write, known only once it is written.
 */
export function chainToWaiting(cells: readonly ChangeCell[], earlier: readonly Change[], where: { projectCode: string; period: string }): ChangeCell[] {
  const last = new Map<string, string>();
  for (const change of inOrder(earlier))
    if (change.projectCode === where.projectCode && change.period === where.period && change.state === "waiting") for (const c of change.cells) last.set(c.key, change.id);
  return cells.map((c) => (last.has(c.key) ? { ...c, follows: last.get(c.key) } : c));
}

/** The change to send next: the oldest waiting one whose cells do not follow a change still waiting. */
export function nextToSend(changes: readonly Change[]): Change | undefined {
  const waiting = new Set(changes.filter((c) => c.state === "waiting").map((c) => c.id));
  return inOrder(changes).find((c) => waiting.has(c.id) && !c.cells.some((cell) => cell.follows && waiting.has(cell.follows)));
}

const unchained = ({ follows: _done, ...cell }: ChangeCell): ChangeCell => cell;

/** Written: the cells that followed it start from the versions it wrote (none for a value deleted). */
export function afterWritten(written: Change, saved: readonly StoredCell[], others: readonly Change[]): Change[] {
  const versions = new Map(saved.map((s) => [s.key, s.version]));
  return others
    .filter((c) => c.cells.some((cell) => cell.follows === written.id))
    .map((c) => ({ ...c, cells: c.cells.map((cell) => (cell.follows === written.id ? { ...unchained(cell), baseVersion: versions.get(cell.key) ?? null } : cell)) }));
}

/** Not written (a conflict, a refusal): the cells that followed it start from where it started, and will meet the same question. */
export function afterNotWritten(change: Change, others: readonly Change[]): Change[] {
  const bases = new Map(change.cells.map((c) => [c.key, c.baseVersion]));
  return others
    .filter((c) => c.cells.some((cell) => cell.follows === change.id))
    .map((c) => ({ ...c, cells: c.cells.map((cell) => (cell.follows === change.id ? { ...unchained(cell), baseVersion: bases.get(cell.key) ?? null } : cell)) }));
}

/** A change the server found stale: held, each stale cell with what the server holds, by whom and since when. */
export function heldForConflicts(change: Change, conflicts: readonly { index: number; current: Omit<StoredCell, "key"> | null; changedBy: string | null; changedAt: string | null }[]): Change {
  const byIndex = new Map(conflicts.map((c) => [c.index, c]));
  return {
    ...change,
    state: "conflict",
    cells: change.cells.map((cell, index) => {
      const conflict = byIndex.get(index);
      return conflict ? { ...cell, conflict: { current: conflict.current && { ...conflict.current, key: cell.key }, changedBy: conflict.changedBy, changedAt: conflict.changedAt } } : cell;
    }),
  };
}

/** A change the server refused: kept, with the reason and each cell's problem. */
export function refused(change: Change, reason: string, problems: readonly { key: string; message: string }[]): Change {
  return {
    ...change,
    state: "refused",
    reason,
    cells: change.cells.map((cell) => {
      const said = problems.filter((p) => p.key === cell.key).map((p) => p.message);
      return said.length > 0 ? { ...cell, problem: said.join(" ") } : cell;
    }),
  };
}

/**
 * The manager's choice for one cell in conflict: theirs goes again on top of the current value; the
 * current one drops the cell. The change goes again once every cell of it is decided, and is dropped
 * when no cell is left.
 */
export function decideConflict(change: Change, key: string, keep: "mine" | "current"): Change | null {
  const cells = change.cells.flatMap((cell) => {
    if (cell.key !== key || !cell.conflict) return [cell];
    if (keep === "current") return [];
    const { conflict, ...rest } = cell;
    return [{ ...rest, baseVersion: conflict.current?.version ?? null }];
  });
  if (cells.length === 0) return null;
  return { ...change, cells, state: cells.some((c) => c.conflict) ? "conflict" : "waiting", revision: (change.revision ?? 0) + 1 };
}

/** A refused change sent again, as it was typed (the period was opened again, say). */
export function sendAgain(change: Change): Change {
  return { ...change, state: "waiting", reason: undefined, cells: change.cells.map(({ problem: _gone, ...cell }) => cell), revision: (change.revision ?? 0) + 1 };
}

/** What waits, what the manager must decide, and what was refused, counted in cells. */
export function countChanges(changes: readonly Change[]): { waiting: number; conflicts: number; refused: number } {
  const counts = { waiting: 0, conflicts: 0, refused: 0 };
  for (const change of changes) {
    if (change.state === "refused") counts.refused += change.cells.length;
    else for (const cell of change.cells) counts[cell.conflict ? "conflicts" : "waiting"] += 1;
  }
  return counts;
}
