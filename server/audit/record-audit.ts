import 'server-only';
import type { Tx } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  /** Null when the system acts (start-up, shell, scheduler). */
  actorId: number | null;
  action: string;
  targetType: 'user' | 'article' | 'photo' | 'comment' | 'session';
  targetId: number | string | null;
  details?: Record<string, unknown>;
};

/** Written inside the mutation's own transaction: no change without its audit entry. */
export function recordAudit(tx: Tx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId === null ? null : String(entry.targetId),
      details: entry.details ?? null,
    })
    .run();
}
