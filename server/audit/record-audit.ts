import 'server-only';
import { sql } from 'drizzle-orm';
import { boundAsIs, preparedQuery, type Tx } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  /** Null when the system acts (start-up, shell, scheduler). */
  actorId: number | null;
  action: string;
  targetType: 'user' | 'article' | 'photo' | 'comment' | 'session' | 'section' | 'tag' | 'author' | 'settings' | 'wire_item' | 'wire_source';
  targetId: number | string | null;
  details?: Record<string, unknown>;
};

// `details` is bound as its JSON text: through its column, a missing one would be stored as JSON `null`.
const insertEntry = preparedQuery((db) =>
  db
    .insert(auditLog)
    .values({
      actorId: sql.placeholder('actorId'),
      action: sql.placeholder('action'),
      targetType: sql.placeholder('targetType'),
      targetId: sql.placeholder('targetId'),
      details: boundAsIs('details'),
    })
    .prepare(),
);

/** Written inside the mutation's own transaction: no change without its audit entry. */
export function recordAudit(tx: Tx, entry: AuditEntry): void {
  insertEntry(tx).run({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === null ? null : String(entry.targetId),
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  });
}
