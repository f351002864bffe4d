import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { ChangePasswordInput, RenameSelfInput } from '@/lib/validation/people';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { lockedOutMinutes, recordLoginAttempt } from '@/server/auth/login-throttle';
import { hashPassword, verifyPassword } from './password';
import { assertAcceptablePassword } from './password-policy';

/** Anyone signed in may rename themselves; the name is what bylines, mentions and the desk show. */
export function renameSelf(user: SessionUser, raw: unknown, now = new Date()): SessionUser {
  const { name } = parseInput(RenameSelfInput, raw);
  if (name === user.name) return user;
  getDb().transaction((tx) => {
    tx.update(users).set({ name, updatedAt: now }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { actorId: user.id, action: 'user.rename', targetType: 'user', targetId: user.id, details: { from: user.name, to: name } });
  });
  return { ...user, name };
}

/**
 * A person changes their own password, proving the current one first: a session left open on a
 * shared machine must not be enough to take the account. Wrong guesses count towards the sign-in
 * throttle, so the form is no way round it. Every session ends (the caller signs this one in
 * again); returns nothing a caller could leak.
 */
export async function changeOwnPassword(user: SessionUser, raw: unknown, now = new Date()): Promise<void> {
  const input = parseInput(ChangePasswordInput, raw);
  const db = getDb();
  const minutes = lockedOutMinutes(db, user.email, now);
  if (minutes !== null) throw new AppError('RATE_LIMITED', `Too many attempts, try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);

  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again to continue.');
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    recordLoginAttempt(db, user.email, false, now);
    throw new AppError('INVALID', 'Your current password is not right.', {
      fields: { currentPassword: ['That is not your current password'] },
    });
  }
  assertAcceptablePassword(input.password, user.email);
  const passwordHash = await hashPassword(input.password);
  db.transaction(
    (tx) => {
      tx.update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(eq(users.id, user.id))
        .run();
      recordAudit(tx, { actorId: user.id, action: 'user.change_password', targetType: 'user', targetId: user.id });
    },
    { behavior: 'immediate' },
  );
}
