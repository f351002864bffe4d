import 'server-only';
import { and, asc, eq, lte } from 'drizzle-orm';
import { type Db, getDb } from '@/db/client';
import { cdnPurges } from '@/db/schema';
import { SURROGATE_KEY_HEADER } from '@/lib/public/surrogate-keys';
import { log } from '@/server/log/logger';

const BATCH = 50;
const TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 10 * 60 * 1000;

/** 1 s, 2 s, 4 s… up to ten minutes between tries: a CDN that is down is not hammered. */
export const retryDelayMs = (attempts: number): number => Math.min(1000 * 2 ** (attempts - 1), MAX_BACKOFF_MS);

let sending: Promise<void> | undefined;

/**
 * Sends the queued purges that are due: `PURGE <url>` with the keys in a `Surrogate-Key` header
 * (what the example VCL in docs/cdn/ expects). A purge leaves the queue once a CDN answers 2xx; any
 * other answer or no answer is tried again later. Each row is claimed before it is sent, so
 * several server processes do not send the same purge at once. One run at a time per process.
 */
export function sendDueCdnPurges(now = () => new Date(), db: Db = getDb()): Promise<void> {
  sending ??= sendBatch(now, db).finally(() => {
    sending = undefined;
  });
  return sending;
}

async function sendBatch(now: () => Date, db: Db): Promise<void> {
  const claimed = db.transaction(
    (tx) => {
      const due = tx.select().from(cdnPurges).where(lte(cdnPurges.nextAttemptAt, now())).orderBy(asc(cdnPurges.id)).limit(BATCH).all();
      for (const purge of due) {
        tx.update(cdnPurges)
          .set({ attempts: purge.attempts + 1, nextAttemptAt: new Date(now().getTime() + retryDelayMs(purge.attempts + 1)) })
          .where(eq(cdnPurges.id, purge.id))
          .run();
      }
      return due;
    },
    { behavior: 'immediate' },
  );
  await Promise.all(
    claimed.map(async (purge) => {
      const failure = await sendPurge(purge.url, purge.keys);
      if (failure === null) {
        db.delete(cdnPurges).where(eq(cdnPurges.id, purge.id)).run();
        return;
      }
      db.update(cdnPurges)
        .set({ lastError: failure })
        .where(and(eq(cdnPurges.id, purge.id), eq(cdnPurges.attempts, purge.attempts + 1)))
        .run();
      log.warn({ url: purge.url, keys: purge.keys, attempts: purge.attempts + 1, error: failure }, 'cdn purge failed; it is tried again later');
    }),
  );
}

/** Null when the CDN took the purge; otherwise why not. */
async function sendPurge(url: string, keys: string): Promise<string | null> {
  try {
    const response = await fetch(url, { method: 'PURGE', headers: { [SURROGATE_KEY_HEADER]: keys }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
