/** Reading the audit log back in a test: the rows that match, oldest first. */
import { and, eq, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditEntry = {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown> | null;
};

export type AuditFilter = {
  action?: string;
  targetType?: string;
  /** Stored as text; a number is compared as its string form. */
  targetId?: number | string;
};

/** Audit rows matching every given field (none given: all rows), ordered by id. */
export function auditEntries(filter: AuditFilter = {}): AuditEntry[] {
  const conditions: SQL[] = [];
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  if (filter.targetType !== undefined) conditions.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId !== undefined) conditions.push(eq(auditLog.targetId, String(filter.targetId)));
  return getDb()
    .select({
      actorId: auditLog.actorId,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(auditLog.id)
    .all();
}
