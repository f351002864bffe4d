import 'server-only';
import { and, asc, count, eq, isNotNull, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, userTokens } from '@/db/schema';
import type { AccountStatus } from '@/lib/people';
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

/** The session generation of an enabled account: a ticket that names it dies with the sessions of that generation. */
export function findSessionVersion(id: number): number | null {
  return getDb().select({ sessionVersion: users.sessionVersion }).from(users).where(and(eq(users.id, id), isNull(users.disabledAt))).get()?.sessionVersion ?? null;
}

/** An enabled account by id, whatever its sessions: for work done in someone's name outside a request. */
export function findActiveUser(id: number): SessionUser | null {
  return getDb().select(publicColumns).from(users).where(and(eq(users.id, id), isNull(users.disabledAt))).get() ?? null;
}

/** An enabled account by email (stored lower-cased), for the shell's commands that act in a person's name. */
export function findActiveUserByEmail(email: string): SessionUser | null {
  return getDb().select(publicColumns).from(users).where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.disabledAt))).get() ?? null;
}

/** Whether a session was refused because its account is disabled: the sign-in page says so. */
export function isAccountDisabled(id: number): boolean {
  return getDb().select({ id: users.id }).from(users).where(and(eq(users.id, id), isNotNull(users.disabledAt))).get() !== undefined;
}

export type UserListItem = SessionUser & { status: AccountStatus; lastLoginAt: string | null };

/**
 * Everyone, with their status: an account whose invite is still open (only ever one link per
 * person) has not set a password yet.
 */
export function listUsers(actor: SessionUser, now = new Date()): UserListItem[] {
  assertCan(actor, 'user:manage');
  return getDb()
    .select({ ...publicColumns, disabledAt: users.disabledAt, lastLoginAt: users.lastLoginAt, inviteExpiresAt: userTokens.expiresAt })
    .from(users)
    .leftJoin(userTokens, and(eq(userTokens.userId, users.id), eq(userTokens.purpose, 'invite'), isNull(userTokens.usedAt)))
    .orderBy(asc(users.name), asc(users.id))
    .all()
    .map(({ disabledAt, lastLoginAt, inviteExpiresAt, ...user }) => ({
      ...user,
      status: disabledAt ? 'disabled' : !inviteExpiresAt ? 'active' : inviteExpiresAt > now ? 'invited' : 'invite_expired',
      lastLoginAt: lastLoginAt?.toISOString() ?? null,
    }));
}

/** People to pick from when filtering the audit log by who acted. */
export function listUserNames(actor: SessionUser): { id: number; name: string; email: string }[] {
  assertCan(actor, 'audit:read');
  return getDb().select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.name), asc(users.id)).all();
}

export function countAdmins(): number {
  const row = getDb()
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .get();
  return row?.n ?? 0;
}
