import 'server-only';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { assertCan } from '@/server/policy';

/** Never the password hash: the only columns that leave server/users. */
const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

/**
 * The user behind a session, or null when the account is disabled or its sessionVersion moved on
 * (role changed, password reset, disabled and re-enabled): such sessions end at their next request.
 */
export function findSessionUser(id: number, sessionVersion: number): SessionUser | null {
  const row = getDb()
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion), isNull(users.disabledAt)))
    .get();
  return row ?? null;
}

/** An enabled account by id, whatever its sessions: for work done in someone's name outside a request. */
export function findActiveUser(id: number): SessionUser | null {
  return getDb().select(publicColumns).from(users).where(and(eq(users.id, id), isNull(users.disabledAt))).get() ?? null;
}

export type UserListItem = SessionUser & { disabled: boolean; lastLoginAt: string | null };

export function listUsers(actor: SessionUser): UserListItem[] {
  assertCan(actor, 'user:manage');
  return getDb()
    .select({ ...publicColumns, disabledAt: users.disabledAt, lastLoginAt: users.lastLoginAt })
    .from(users)
    .orderBy(asc(users.name), asc(users.id))
    .all()
    .map(({ disabledAt, lastLoginAt, ...user }) => ({
      ...user,
      disabled: disabledAt !== null,
      lastLoginAt: lastLoginAt?.toISOString() ?? null,
    }));
}

export function countAdmins(): number {
  const row = getDb()
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .get();
  return row?.n ?? 0;
}
