import { useSyncExternalStore } from "react";
import { CLOSED_OUTBOX, outboxSnapshot, subscribeOutbox, type OutboxSnapshot } from "./outbox";

/** The change log as the page shows it; empty on the server and while hydrating. */
export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(subscribeOutbox, outboxSnapshot, () => CLOSED_OUTBOX);
}
