import { useSyncExternalStore } from "react";
import { outboxSnapshot, subscribeOutbox, type OutboxSnapshot } from "./outbox";

const EMPTY: OutboxSnapshot = { userId: null, changes: [], sending: false, unreachable: false, signedOut: false };

/** The change log as the page shows it; empty on the server and while hydrating. */
export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(subscribeOutbox, outboxSnapshot, () => EMPTY);
}
