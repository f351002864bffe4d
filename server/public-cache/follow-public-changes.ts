import 'server-only';
import { asc, gt, max, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db/client';
import { publicChanges } from '@/db/schema';

export type PublicChangeFollower = {
  /** The last change applied: a response made now reflects every change up to it. */
  readonly seen: number;
  /**
   * Hands each change committed since the last call to `purge` (its keys), or asks to `clear`
   * everything when some were pruned before this process read them. Cheap when nothing changed
   * (one indexed read), so it runs before every cached answer: a reader never gets a response
   * that a committed change has made stale, whichever process made the change.
   */
  catchUp(purge: (keys: string[], change: number) => void, clear: (change: number) => void): void;
};

export function followPublicChanges(db: Db = getDb()): PublicChangeFollower {
  const latest = db.select({ id: max(publicChanges.id) }).from(publicChanges).prepare();
  const since = db
    .select({ id: publicChanges.id, keys: publicChanges.keys })
    .from(publicChanges)
    .where(gt(publicChanges.id, sql.placeholder('after')))
    .orderBy(asc(publicChanges.id))
    .prepare();
  let seen = latest.get()?.id ?? 0;
  return {
    get seen() {
      return seen;
    },
    catchUp(purge, clear) {
      const newest = latest.get()?.id ?? 0;
      if (newest === seen) return;
      const changes = since.all({ after: seen });
      // Ids are given in commit order and never reused, so a gap means rows pruned unread.
      if (newest < seen || changes[0]?.id !== seen + 1) clear(newest);
      else for (const change of changes) purge(change.keys.split(' '), change.id);
      seen = newest;
    },
  };
}
