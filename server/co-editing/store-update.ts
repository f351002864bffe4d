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

type PendingUpdate = { articleId: number; userId: number | null; update: Buffer; receivedAt: Date };
let pending: PendingUpdate[] = [];
let pendingWrite: Promise<void> | null = null;

/**
 * The same, for the co-editing server's incoming updates: every update received in one turn of the
 * event loop (from any person, in any article) is written in one transaction, so one sync of the
 * disk covers them all, where a sync per keystroke limited a server to a few hundred keystrokes a
 * second. Each still resolves only once it is durable, so "acknowledged" still means "stored". A
 * failed write refuses every update in it; their senders send them again when they reconnect.
 */
export function storeCollabUpdateWithOthers(articleId: number, userId: number | null, update: Uint8Array, now = new Date()): Promise<void> {
  pending.push({ articleId, userId, update: Buffer.from(update), receivedAt: now });
  pendingWrite ??= new Promise<void>((resolve, reject) => {
    setImmediate(() => {
      const rows = pending;
      pending = [];
      pendingWrite = null;
      try {
        getDb().transaction((tx) => {
          for (const row of rows) tx.insert(articleCollabUpdates).values(row).run();
        });
        resolve();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
  return pendingWrite;
}
