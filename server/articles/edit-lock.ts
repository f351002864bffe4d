import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb, preparedQuery } from '@/db/client';
import { articles, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { editRefusal } from '@/lib/article-edit-rules';
import { type EditLockState, isLockLive } from '@/lib/edit-lock';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { notify } from '@/server/notifications/notify';
import { findVisibleArticle } from './queries';

type LockRow = { lockedBy: number | null; lockedSince: Date | null; lockHeartbeatAt: Date | null };

// Asked on every save, and the editor holds the lock while it autosaves.
const holderQuery = preparedQuery((db) =>
  db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

/** The live holder of an article's lock, or null when it is free or has lapsed. */
export function liveLockHolder(tx: Tx, lock: LockRow, now: Date): { id: number; name: string; since: Date } | null {
  if (lock.lockedBy === null || !isLockLive(lock.lockHeartbeatAt, now)) return null;
  const holder = holderQuery(tx).get({ id: lock.lockedBy });
  return holder ? { ...holder, since: lock.lockedSince ?? now } : null;
}

function stateFor(user: SessionUser, holder: { id: number; name: string; since: Date } | null): EditLockState {
  return {
    mine: holder?.id === user.id,
    holder: holder && { id: holder.id, name: holder.name },
    since: holder?.since.toISOString() ?? null,
  };
}

/**
 * Takes or renews the edit lock (the heartbeat), or with `takeOver` takes it from its live holder.
 * A person who may not edit the article never takes the lock; they just learn who holds it.
 */
export function claimEditLock(user: SessionUser, articleId: number, options: { takeOver?: boolean } = {}, now = new Date()): EditLockState {
  return getDb().transaction(
    (tx) => {
      const article = findVisibleArticle(tx, user, articleId);
      const holder = liveLockHolder(tx, article, now);
      const refusal = editRefusal(user, article);
      if (refusal) {
        if (options.takeOver) throw new AppError('FORBIDDEN', refusal);
        return stateFor(user, holder);
      }
      if (holder && holder.id !== user.id && !options.takeOver) return stateFor(user, holder);

      const since = holder?.id === user.id ? holder.since : now;
      tx.update(articles)
        .set({ lockedBy: user.id, lockedSince: since, lockHeartbeatAt: now })
        .where(eq(articles.id, articleId))
        .run();
      if (holder && holder.id !== user.id) {
        recordAudit(tx, {
          actorId: user.id,
          action: 'article.lock.take_over',
          targetType: 'article',
          targetId: articleId,
          details: { from: { id: holder.id, name: holder.name }, heldSince: holder.since.toISOString() },
        });
        notify(tx, { recipientId: holder.id, kind: 'lock_taken', articleId, actorId: user.id });
      }
      return stateFor(user, { id: user.id, name: user.name, since });
    },
    { behavior: 'immediate' },
  );
}

/** Lets go of the lock when the person leaves the article; someone else's lock is left alone. */
export function releaseEditLock(user: SessionUser, articleId: number): void {
  getDb()
    .update(articles)
    .set({ lockedBy: null, lockedSince: null, lockHeartbeatAt: null })
    .where(and(eq(articles.id, articleId), eq(articles.lockedBy, user.id)))
    .run();
}
