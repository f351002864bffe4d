import 'server-only';
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { articles, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { Role } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { ChangeRoleInput } from '@/lib/validation/user';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { revokeOpenLinks } from './user-tokens';

/**
 * Role changes and disabling both cut the person's access, so both bump sessionVersion: every
 * session they hold is refused on its next request, and they sign in again under the new terms.
 */
function updateAccess(
  actor: SessionUser,
  userId: number,
  change: { role: Role } | { disabled: boolean },
  now: Date,
): void {
  assertCan(actor, 'user:manage');
  getDb().transaction(
    (tx) => {
      const target = tx
        .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
        .from(users)
        .where(eq(users.id, userId))
        .get();
      if (!target) throw new AppError('NOT_FOUND', 'No user with that id.');

      const losesAdmin =
        target.role === 'admin' && target.disabledAt === null && ('role' in change ? change.role !== 'admin' : change.disabled);
      // The last admin is named first, so the last admin trying it on themselves learns the real reason.
      if (losesAdmin && activeAdminsOtherThan(tx, userId) === 0) {
        throw new AppError('CONFLICT', 'Dateline needs at least one active admin: make someone else an admin first.');
      }
      if (userId === actor.id) {
        throw new AppError('FORBIDDEN', 'You cannot change your own role or disable yourself; ask another admin.');
      }

      const set = 'role' in change ? { role: change.role } : { disabledAt: change.disabled ? now : null };
      tx.update(users)
        .set({ ...set, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(eq(users.id, userId))
        .run();
      const released = 'disabled' in change && change.disabled ? letGoOfWork(tx, userId) : undefined;
      recordAudit(tx, {
        actorId: actor.id,
        action: 'role' in change ? 'user.change_role' : change.disabled ? 'user.disable' : 'user.enable',
        targetType: 'user',
        targetId: userId,
        details: 'role' in change ? { from: target.role, to: change.role } : released,
      });
    },
    { behavior: 'immediate' },
  );
}

/**
 * A disabled person can no longer hold anything others wait on: their review claims are let go at
 * once, and their open invite or reset link stops working. (Their co-editing connections are closed
 * by the co-editing server within a second.) Returns the articles freed, for the audit entry;
 * undefined when there were none.
 */
function letGoOfWork(tx: Tx, userId: number): { releasedClaims?: number[] } | undefined {
  const claims = tx
    .update(articles)
    .set({ claimedBy: null, claimedAt: null })
    .where(eq(articles.claimedBy, userId))
    .returning({ id: articles.id })
    .all();
  revokeOpenLinks(tx, userId);
  return claims.length > 0 ? { releasedClaims: claims.map((a) => a.id) } : undefined;
}

function activeAdminsOtherThan(tx: Tx, userId: number): number {
  const row = tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)))
    .get();
  return row?.n ?? 0;
}

/** `role` is checked here too: a server action is a public endpoint and may send anything. */
export function changeUserRole(actor: SessionUser, userId: number, role: string, now = new Date()): void {
  assertCan(actor, 'user:manage');
  const input = parseInput(ChangeRoleInput, { userId, role });
  updateAccess(actor, input.userId, { role: input.role }, now);
}

export function setUserDisabled(actor: SessionUser, userId: number, disabled: boolean, now = new Date()): void {
  updateAccess(actor, userId, { disabled }, now);
}
