import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { loginAttempts } from '@/db/schema';

/** More than this many failures for one email inside the window are refused. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

/**
 * Minutes until the email may try again, or null when it may try now. Failures count from the
 * later of the window start and the last successful login; refused attempts are not recorded, so
 * the lock lifts 15 minutes after the failures that caused it.
 */
export function lockedOutMinutes(db: Db | Tx, email: string, now: Date): number | null {
  const lastSuccess = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1)
    .get();
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const since = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;

  // The lock lifts when the fifth-newest failure leaves the window and fewer than five remain.
  const recentFailures = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(MAX_FAILURES)
    .all();
  const unlockingFailure = recentFailures[MAX_FAILURES - 1];
  if (!unlockingFailure) return null;
  const unlocksAt = unlockingFailure.at.getTime() + WINDOW_MS;
  return Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 60_000));
}

/** Returns the attempt's id, so an attempt filed as a failure can be marked successful once checked. */
export function recordLoginAttempt(db: Db | Tx, email: string, succeeded: boolean, at: Date): number {
  return db.insert(loginAttempts).values({ email, succeeded, at }).returning({ id: loginAttempts.id }).get().id;
}
