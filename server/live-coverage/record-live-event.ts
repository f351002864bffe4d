import 'server-only';
import { type Tx } from '@/db/client';
import { liveEvents } from '@/db/schema';
import type { LiveStreamEvent } from '@/lib/live-coverage/live-entry';
import { sitemapKeysOf, storyKey } from '@/lib/public/surrogate-keys';
import { recordPublicChange } from '@/server/public-cache/record-public-change';

/**
 * Where the process's live streams are woken (server/live-coverage/live-streams.ts). The streams
 * live in the HTTP server's module graph and the writes in Next's, so they meet on globalThis, as
 * the public version hook does. Absent where nobody streams (tests, shell scripts).
 */
export const LIVE_STREAMS_HOOK = Symbol.for('dateline.liveStreams');

type Wakeable = { wake(): void };

/**
 * Records, inside the transaction of the change, what a live story's readers are to be sent, and
 * when the story is public, purges its cached page and feeds, and for a change to its entries its
 * sitemaps too (their lastmod follows the newest entry). Once the transaction has committed, this
 * process's streams send it at once; other processes' streams find it when they next read the table.
 */
export function recordLiveEvent(tx: Tx, story: { id: number; isPublic: boolean }, event: LiveStreamEvent, now: Date): void {
  tx.insert(liveEvents).values({ articleId: story.id, kind: event.kind, data: JSON.stringify(event), at: now }).run();
  const entriesChanged = event.kind === 'entry' || event.kind === 'remove';
  if (story.isPublic) recordPublicChange(tx, [storyKey(story.id), ...(entriesChanged ? sitemapKeysOf(story.id) : [])], now);
  // A transaction here is synchronous: this runs once it has committed (and finds nothing new if it rolled back).
  setImmediate(() => (globalThis as Record<symbol, Wakeable | undefined>)[LIVE_STREAMS_HOOK]?.wake());
}
