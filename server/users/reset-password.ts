import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users, userTokens } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { unusablePasswordHash } from './password';
import { type IssuedPasswordLink, issuePasswordLink } from './user-tokens';

/**
 * An admin resets someone's password because it is lost or may be known to someone else, so the
 * old password stops working and every session ends now, not when the link is used. Someone who
 * never accepted their invite gets a fresh invite instead. An admin changes their own on /account.
 */
export async function resetPassword(actor: SessionUser, userId: number, now = new Date()): Promise<IssuedPasswordLink> {
  assertCan(actor, 'user:manage');
  if (userId === actor.id) throw new AppError('FORBIDDEN', 'Change your own password on your account page.');
  const passwordHash = await unusablePasswordHash();
  return getDb().transaction(
    (tx) => {
      const target = tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)).get();
      if (!target) throw new AppError('NOT_FOUND', 'No user with that id.');
      if (target.disabledAt) throw new AppError('CONFLICT', 'This account is disabled; enable it before resetting its password.');

      const openInvite = tx
        .select({ id: userTokens.id })
        .from(userTokens)
        .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, 'invite'), isNull(userTokens.usedAt)))
        .get();
      const purpose = openInvite ? 'invite' : 'reset';
      tx.update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(eq(users.id, userId))
        .run();
      const link = issuePasswordLink(tx, { userId, purpose, createdBy: actor.id, now });
      recordAudit(tx, { actorId: actor.id, action: 'user.reset_password', targetType: 'user', targetId: userId, details: { link: purpose } });
      return link;
    },
    { behavior: 'immediate' },
  );
}
