import type { Executor } from "../engine/types";
import { auditLog } from "../tables";

export type AuditEntry = {
  /** Who acted; null for the system (seeding, the first admin's creation, a lock after failed sign-ins). */
  userId?: number | null;
  /** What happened, as `entity.verb`: `data_value.update`, `period.approve`, `user.disable`... */
  action: string;
  entityType: string;
  entityId?: number | null;
  projectId?: number | null;
  /** What changed, before and after: kept as JSON. */
  details?: unknown;
};

/**
 * The one way an entry reaches the audit trail: inside the transaction of the change it records, so
 * that both are written or neither. The trail is append-only (the database refuses updates and deletes).
 */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  const { details, ...rest } = entry;
  await tx.insert(auditLog).values({ ...rest, details: details === undefined ? null : JSON.stringify(details) });
}
