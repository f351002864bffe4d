import 'server-only';
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { Role } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';

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
  if (userId === actor.id) {
    throw new AppError('FORBIDDEN', 'You cannot change your own role or disable yourself; ask another admin.');
  }
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
      if (losesAdmin && activeAdminsOtherThan(tx, userId) === 0) {
        throw new AppError('CONFLICT', 'Dateline needs at least one active admin.');
      }

      const set = 'role' in change ? { role: change.role } : { disabledAt: change.disabled ? now : null };
      tx.update(users)
        .set({ ...set, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
        .where(eq(users.id, userId))
        .run();
      recordAudit(tx, {
        actorId: actor.id,
        action: 'role' in change ? 'user.change_role' : change.disabled ? 'user.disable' : 'user.enable',
        targetType: 'user',
        targetId: userId,
        details: 'role' in change ? { from: target.role, to: change.role } : undefined,
      });
    },
    { behavior: 'immediate' },
  );
}

function activeAdminsOtherThan(tx: Tx, userId: number): number {
  const row = tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)))
    .get();
  return row?.n ?? 0;
}

export function changeUserRole(actor: SessionUser, userId: number, role: Role, now = new Date()): void {
  updateAccess(actor, userId, { role }, now);
}

export function setUserDisabled(actor: SessionUser, userId: number, disabled: boolean, now = new Date()): void {
  updateAccess(actor, userId, { disabled }, now);
}
