import 'server-only';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { type Db, getDb } from '@/db/client';
import { mailOutbox } from '@/db/schema';

/**
 * Gathers each person's daily items whose digest time has come into one digest message per
 * person, queued to be sent like any other. One transaction: an item is in exactly one digest.
 */
export function gatherDueDigests(now = new Date(), db: Db = getDb()): number[] {
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ id: mailOutbox.id, recipientId: mailOutbox.recipientId })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, 'daily'), lte(mailOutbox.nextAttemptAt, now)))
        .orderBy(asc(mailOutbox.id))
        .all();
      const byPerson = new Map<number, number[]>();
      for (const item of due) byPerson.set(item.recipientId, [...(byPerson.get(item.recipientId) ?? []), item.id]);
      const digests: number[] = [];
      for (const [recipientId, itemIds] of byPerson) {
        const digest = tx
          .insert(mailOutbox)
          .values({ recipientId, kind: 'digest', status: 'queued', content: null, nextAttemptAt: now, createdAt: now })
          .returning({ id: mailOutbox.id })
          .get();
        tx.update(mailOutbox)
          .set({ status: 'batched', digestId: digest.id })
          .where(inArray(mailOutbox.id, itemIds))
          .run();
        digests.push(digest.id);
      }
      return digests;
    },
    { behavior: 'immediate' },
  );
}
