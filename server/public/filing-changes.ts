import 'server-only';
import type { Tx } from '@/db/client';
import { listChangeKeys, type ListKind } from '@/lib/public/public-lists';
import { tagKey } from '@/lib/public/surrogate-keys';
import { recordPublicChange } from '@/server/public-cache/record-public-change';

/**
 * For the admin side, in the transaction of the change: a section, tag or author changed in what
 * readers see of it (renamed, a new address, its description, bio or photo, its Media Topic, a
 * section moved in the order). Purges its pages and feeds, every story page, ninjs and feed that
 * prints its name, and for a section the front page.
 */
export function recordListChange(tx: Tx, kind: ListKind, id: number, now = new Date()): void {
  recordPublicChange(tx, listChangeKeys(kind, id), now);
}

/**
 * A tag merged into another, in the transaction that moves its stories: everything the merged
 * tag's change purges (its address now redirects, its stories print the other name), and the list
 * of the tag it joins, which gains its stories.
 */
export function recordTagMerge(tx: Tx, fromTagId: number, intoTagId: number, now = new Date()): void {
  recordPublicChange(tx, [...listChangeKeys('tag', fromTagId), tagKey(intoTagId)], now);
}
