import 'server-only';
import { lt } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db/client';
import { cdnPurges, publicChanges } from '@/db/schema';
import { surrogateKeyHeader } from '@/lib/public/surrogate-keys';
import { env } from '@/server/env';
import { bumpPublicVersion } from '@/server/public/public-version';
import { sendDueCdnPurges } from './send-cdn-purges';

/** Long enough for every server process to have read a change; one that has not clears its cache. */
const KEEP_CHANGES_MS = 60 * 60 * 1000;

/**
 * Records, inside the transaction that makes it, a change the reading public can see, named by
 * the surrogate keys of the responses it alters. Every server process's public cache drops those
 * responses before it serves another (follow-public-changes.ts), Next's page cache retires the
 * pages rendered before it (public-version.ts), and a purge is queued for each CDN in
 * CDN_PURGE_URLS, sent as soon as the transaction has committed.
 */
export function recordPublicChange(tx: Tx, keys: Iterable<string>, now = new Date()): void {
  const header = surrogateKeyHeader(keys);
  tx.insert(publicChanges).values({ keys: header, at: now }).run();
  bumpPublicVersion(tx);
  const cdns = env().CDN_PURGE_URLS;
  if (cdns.length === 0) return;
  tx.insert(cdnPurges)
    .values(cdns.map((url) => ({ url, keys: header, nextAttemptAt: now })))
    .run();
  // A transaction here is synchronous: this runs once it has committed (and finds nothing if it rolled back).
  setImmediate(() => void sendDueCdnPurges());
}

/** Drops the changes every process has long read (the scheduler calls it). */
export function pruneOldPublicChanges(now = new Date(), db: Db = getDb()): void {
  db.delete(publicChanges).where(lt(publicChanges.at, new Date(now.getTime() - KEEP_CHANGES_MS))).run();
}
