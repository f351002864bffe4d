import 'server-only';
import { getDb } from '@/db/client';
import { articleCollabUpdates } from '@/db/schema';

/**
 * Appends one change to the article's shared document, durably (the database syncs each commit,
 * decision 012), before the server acknowledges it: an acknowledged keystroke survives `kill -9`.
 * Answers the update's id, its place in the article's log.
 */
export function storeCollabUpdate(articleId: number, userId: number | null, update: Uint8Array, now = new Date()): number {
  return getDb()
    .insert(articleCollabUpdates)
    .values({ articleId, userId, update: Buffer.from(update), receivedAt: now })
    .returning({ id: articleCollabUpdates.id })
    .get().id;
}
