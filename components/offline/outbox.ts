import { cellKey } from "../entry/cell-state";
import { afterNotWritten, afterWritten, chainToWaiting, heldForConflicts, nextToSend, refused, type Change, type ChangeCell, type StoredCell } from "@/lib/offline/change-log";
import { readChanges, watchOtherTabs, writeChanges } from "./outbox-store";

/** What the server answered to a change, as the grid takes it. */
export type OutboxResult =
  | { kind: "saved"; change: Change; saved: StoredCell[]; warnings: { key: string; message: string }[] }
  | { kind: "conflict"; change: Change }
  | { kind: "refused"; change: Change; errors: { key: string; message: string; code?: string }[] };

// The page's view of the change log and the one sender of its changes: to PUT /api/v1/data-values,
// in the order they were made, each with its id as `Idempotency-Key`, so that a change sent twice
// (the answer lost with the connection) is written once. The API is called from here rather than
// through a server action because the key and the answer's status are the point.

export type OutboxSnapshot = {
  userId: number | null;
  changes: readonly Change[];
  /** A send is under way. */
  sending: boolean;
  /** The last try found no connection (or no answer from the server). */
  unreachable: boolean;
  /** The server no longer knows this person's session: the changes wait for them to sign in again. */
  signedOut: boolean;
};

/** Before the log is read: on the server, while hydrating, and until the person's log is open. */
export const CLOSED_OUTBOX: OutboxSnapshot = { userId: null, changes: [], sending: false, unreachable: false, signedOut: false };

let snapshot: OutboxSnapshot = CLOSED_OUTBOX;
const listeners = new Set<() => void>();
const resultListeners = new Set<(result: OutboxResult) => void>();

const set = (next: Partial<OutboxSnapshot>) => {
  snapshot = { ...snapshot, ...next };
  listeners.forEach((listener) => listener());
};

export const outboxSnapshot = () => snapshot;
export const subscribeOutbox = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
/** The grid hears what the server answered to each change. */
export const onOutboxResult = (listener: (result: OutboxResult) => void) => {
  resultListeners.add(listener);
  return () => void resultListeners.delete(listener);
};

async function reload(): Promise<void> {
  if (snapshot.userId === null) return;
  set({ changes: await readChanges(snapshot.userId) });
}

let stopWatching: (() => void) | null = null;

let started: { userId: number; done: Promise<void> } | null = null;

/** Opens the log of the signed-in person, and sends what waits when the connection comes back. */
export function startOutbox(userId: number): Promise<void> {
  // The bar and the grid both start it, and a page may be rendered for another person after a sign-in.
  if (started?.userId !== userId) started = { userId, done: openLog(userId) };
  return started.done;
}

async function openLog(userId: number): Promise<void> {
  stopWatching?.();
  // The person's log as it is, before the page says anything of it: never "All changes saved" over a log not read yet.
  set({ userId, changes: await readChanges(userId), signedOut: false });
  const onOnline = () => void sendWaiting();
  window.addEventListener("online", onOnline);
  const stopTabs = watchOtherTabs(() => void reload());
  stopWatching = () => {
    window.removeEventListener("online", onOnline);
    stopTabs();
  };
  if (navigator.onLine) await sendWaiting();
}

/** Keeps a save of the grid in the log, then tries to send it. */
export async function queueChange(change: Pick<Change, "projectCode" | "period"> & { cells: Omit<ChangeCell, "follows">[] }): Promise<string> {
  await started?.done;
  const userId = snapshot.userId;
  if (userId === null) throw new Error("The change log is not open");
  const id = crypto.randomUUID();
  const made: Change = { ...change, id, userId, createdAt: new Date().toISOString(), state: "waiting", cells: chainToWaiting(change.cells, snapshot.changes, change) };
  await writeChanges([made]);
  await reload();
  void sendWaiting();
  return id;
}

/** Replaces changes (a conflict decided, a refused change sent again) and drops others. */
export async function reviseChanges(put: readonly Change[], remove: readonly string[] = []): Promise<void> {
  await writeChanges(put, remove);
  await reload();
  if (put.some((c) => c.state === "waiting")) void sendWaiting();
}

let running: Promise<void> | null = null;

/** Sends every waiting change, oldest first, until the log is empty or the connection fails. */
export function sendWaiting(): Promise<void> {
  running ??= (async () => {
    set({ sending: true });
    try {
      const send = async () => {
        // Another tab may be sending the same log: one at a time, each reading the log afresh.
        if (snapshot.userId === null || !(await readChanges(snapshot.userId)).some((c) => c.state === "waiting")) return;
        const owner = await sessionUser();
        if (owner === "unreachable") return set({ unreachable: true });
        if (owner === null || owner !== snapshot.userId) return set({ signedOut: true, unreachable: false });
        set({ signedOut: false, unreachable: false });
        for (;;) {
          const next = nextToSend(await readChanges(owner));
          if (!next || !(await sendChange(next))) break;
        }
      };
      if (snapshot.userId === null) return;
      await (navigator.locks ? navigator.locks.request("baseline-outbox-send", send) : send());
    } finally {
      running = null;
      set({ sending: false });
      await reload();
    }
  })();
  return running;
}

/** Whose session the browser holds now: a cached page may be older than the last sign-in. */
async function sessionUser(): Promise<number | null | "unreachable"> {
  try {
    const response = await fetch("/api/auth/session", { cache: "no-store" });
    if (!response.ok) return "unreachable";
    const session = (await response.json()) as { userId?: number };
    return typeof session.userId === "number" ? session.userId : null;
  } catch {
    return "unreachable";
  }
}

type Answer = {
  detail?: string;
  values?: ({ indicatorId: number; locationCode: string; disaggregation: Record<string, string> } & Partial<Omit<StoredCell, "key">> & { deleted?: true })[];
  warnings?: { index: number; message: string }[];
  errors?: { index: number | null; message: string; code?: string }[];
  conflicts?: { index: number; current: (Omit<StoredCell, "key"> & { updatedAt: string }) | null; changedBy: string | null }[];
};

/** One change to the server. False when sending must stop for now (no connection, session over, server away). */
async function sendChange(change: Change): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch("/api/v1/data-values", {
      method: "PUT",
      headers: { "Content-Type": "application/json", "Idempotency-Key": change.id },
      body: JSON.stringify(
        change.cells.map((c) => ({
          indicatorId: c.indicatorId,
          period: change.period,
          locationCode: c.locationCode,
          disaggregation: c.disaggregation,
          ...(c.value !== undefined ? { value: c.value } : { numerator: c.numerator, denominator: c.denominator }),
          comment: c.comment,
          version: c.baseVersion,
        })),
      ),
    });
  } catch {
    set({ unreachable: true });
    return false;
  }
  if (response.status === 401) {
    set({ signedOut: true });
    return false;
  }
  // The server or the way to it is away (503, a proxy's 502): the change waits, unchanged.
  if (response.status >= 500 || response.status === 408 || response.status === 429) {
    set({ unreachable: true });
    return false;
  }
  const answer = ((await response.json().catch(() => ({}))) ?? {}) as Answer;
  const others = (await readChanges(change.userId)).filter((c) => c.id !== change.id);
  if (response.ok) {
    const saved: StoredCell[] = (answer.values ?? []).map((v) => ({
      key: cellKey(v.indicatorId, v.locationCode, v.disaggregation),
      version: v.deleted ? null : (v.version ?? null),
      value: v.value ?? null,
      numerator: v.numerator ?? null,
      denominator: v.denominator ?? null,
      comment: v.comment ?? null,
    }));
    await writeChanges(afterWritten(change, saved, others), [change.id]);
    const warnings = (answer.warnings ?? []).map((w) => ({ key: change.cells[w.index]?.key ?? "", message: w.message }));
    resultListeners.forEach((listener) => listener({ kind: "saved", change, saved, warnings }));
    return true;
  }
  if (response.status === 409) {
    const held = heldForConflicts(
      change,
      (answer.conflicts ?? []).map((c) => ({ index: c.index, current: c.current, changedBy: c.changedBy, changedAt: c.current?.updatedAt ?? null })),
    );
    await writeChanges([held, ...afterNotWritten(change, others)]);
    resultListeners.forEach((listener) => listener({ kind: "conflict", change: held }));
    return true;
  }
  const errors = (answer.errors ?? []).map((e) => ({ key: e.index === null ? "" : (change.cells[e.index]?.key ?? ""), message: e.message, code: e.code }));
  const kept = refused(change, answer.detail ?? String(response.status), errors);
  await writeChanges([kept, ...afterNotWritten(change, others)]);
  resultListeners.forEach((listener) => listener({ kind: "refused", change: kept, errors }));
  return true;
}
