import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { loginAttempts, users } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { verifyDecoy, verifyPassword } from '@/server/users/password';
import { lockedOutMinutes, recordLoginAttempt } from './login-throttle';

export type SignedInUser = SessionUser & { sessionVersion: number };

export type LoginResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; minutes: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password, throttled per email. Unknown email, wrong password and disabled
 * account all answer 'invalid' after the same amount of work, so the answer leaks nothing.
 */
export async function verifyCredentials(emailInput: string, password: string, now = new Date()): Promise<LoginResult> {
  const db = getDb();
  const email = normalizeEmail(emailInput);
  // The attempt is filed as a failure before the slow hash check, in the same step as the lock
  // check: parallel guesses then see each other and a burst cannot slip past the lock.
  const gate = db.transaction(
    (tx): { minutes: number } | { attemptId: number } => {
      const minutes = lockedOutMinutes(tx, email, now);
      if (minutes !== null) return { minutes };
      return { attemptId: recordLoginAttempt(tx, email, false, now) };
    },
    { behavior: 'immediate' },
  );
  if ('minutes' in gate) return { ok: false, reason: 'rate_limited', minutes: gate.minutes };

  const row = db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.email, email))
    .get();

  const passwordMatches = row ? await verifyPassword(row.passwordHash, password) : await verifyDecoy(password);
  const ok = row !== undefined && passwordMatches && row.disabledAt === null;

  if (!ok) return { ok: false, reason: 'invalid' };

  db.transaction((tx) => {
    tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, gate.attemptId)).run();
    tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, row.id)).run();
    recordAudit(tx, { actorId: row.id, action: 'session.sign_in', targetType: 'user', targetId: row.id });
  });

  return {
    ok: true,
    user: { id: row.id, email: row.email, name: row.name, role: row.role, sessionVersion: row.sessionVersion },
  };
}
