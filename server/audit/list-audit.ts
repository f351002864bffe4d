import 'server-only';
import { and, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { AuditQuery } from '@/lib/validation/people';
import { parseInput } from '@/lib/validation/parse-input';
import { instantFromLocalTime } from '@/lib/zoned-time';
import { env } from '@/server/env';
import { decodeCursor, encodeCursor } from '@/server/pagination/cursor';
import { assertCan } from '@/server/policy';

/** One line of the whole audit log. `at` is ISO-8601 UTC; names are null for the system or a gone target. */
export type AuditLogEntry = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  /** The person a `user` entry is about. */
  targetName: string | null;
  details: Record<string, unknown> | null;
};

export const AUDIT_PAGE_SIZE = 50;
/** An export this long is already more than a spreadsheet is pleasant with; narrow the filters. */
export const AUDIT_EXPORT_LIMIT = 100_000;

const actors = alias(users, 'actor');
const targets = alias(users, 'target_user');

/** The next calendar day of a YYYY-MM-DD, counted on the calendar. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Midnight at the start of a day in the newsroom's zone: the filter's days are the desk's days. */
function startOfDay(day: string, field: 'from' | 'to'): Date {
  const result = instantFromLocalTime(`${day}T00:00`, env().NEWSROOM_TIMEZONE);
  if (!result.ok) throw new AppError('INVALID', result.problem, { fields: { [field]: [result.problem] } });
  return result.at;
}

function selectEntries(raw: unknown, limit: number, withCursor: boolean) {
  const query = parseInput(AuditQuery, raw);
  const after = withCursor && query.cursor ? decodeCursor(query.cursor) : undefined;
  const conditions: (SQL | undefined)[] = [
    query.actor ? eq(auditLog.actorId, query.actor) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.article ? and(eq(auditLog.targetType, 'article'), eq(auditLog.targetId, String(query.article))) : undefined,
    query.from ? gte(auditLog.at, startOfDay(query.from, 'from')) : undefined,
    // "To" includes the whole of that day.
    query.to ? lt(auditLog.at, startOfDay(nextDay(query.to), 'to')) : undefined,
    after ? or(lt(auditLog.at, new Date(after.at)), and(eq(auditLog.at, new Date(after.at)), lt(auditLog.id, after.id))) : undefined,
  ];
  const rows = getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: actors.name,
      actorEmail: actors.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetName: targets.name,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(actors, eq(actors.id, auditLog.actorId))
    .leftJoin(targets, and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, sql`cast(${targets.id} as text)`)))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
  return rows.map((row) => ({ ...row, at: row.at.toISOString(), details: row.details ?? null }));
}

/** The audit log, newest first, filtered and paged by keyset (new entries never shift a page). Admins only. */
export function listAuditLog(actor: SessionUser, raw: unknown, pageSize = AUDIT_PAGE_SIZE): { items: AuditLogEntry[]; nextCursor: string | null } {
  assertCan(actor, 'audit:read');
  const rows = selectEntries(raw, pageSize + 1, true);
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > pageSize && last ? encodeCursor({ at: Date.parse(last.at), id: last.id }) : null,
  };
}

/** Every entry the filters match, newest first (up to the export limit), for the CSV export. */
export function exportAuditLog(actor: SessionUser, raw: unknown): AuditLogEntry[] {
  assertCan(actor, 'audit:read');
  return selectEntries(raw, AUDIT_EXPORT_LIMIT, false);
}

/** The actions the log holds, for the filter's list. */
export function listAuditActions(actor: SessionUser): string[] {
  assertCan(actor, 'audit:read');
  return getDb()
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((row) => row.action);
}
