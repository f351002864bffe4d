'use client';

import { checkedBody, clearBrowserCopy, readBrowserCopy, writeBrowserCopy } from '@/components/editor/browser-copy';
import type { EntryDraftInput } from '@/lib/validation/live-coverage';

/**
 * The composer's entry as this browser keeps it between autosaves, as the article editor's mirror
 * does for a story: an expired session, a dropped connection or a closed tab loses nothing, and
 * the next open of the live desk puts it back in the composer.
 */
export type EntryDraftCopy = { draft: EntryDraftInput; at: string };

const keyFor = (articleId: number) => `dateline:unsaved:live-entry:${articleId}`;

async function asEntryDraftCopy(value: unknown): Promise<EntryDraftCopy | null> {
  if (typeof value !== 'object' || value === null) return null;
  const { draft, at } = value as Record<string, unknown>;
  if (typeof at !== 'string' || typeof draft !== 'object' || draft === null) return null;
  const { headline, body, authorIds } = draft as Record<string, unknown>;
  if (typeof headline !== 'string' || !Array.isArray(authorIds) || !authorIds.every((id) => Number.isSafeInteger(id))) return null;
  const checked = await checkedBody(body);
  return checked ? { draft: { headline, body: checked, authorIds: authorIds as number[] }, at } : null;
}

export function readEntryDraftCopy(articleId: number): Promise<EntryDraftCopy | null> {
  return readBrowserCopy(keyFor(articleId), asEntryDraftCopy);
}

export function writeEntryDraftCopy(articleId: number, draft: EntryDraftInput): void {
  writeBrowserCopy(keyFor(articleId), { draft, at: new Date().toISOString() } satisfies EntryDraftCopy);
}

export function clearEntryDraftCopy(articleId: number): void {
  clearBrowserCopy(keyFor(articleId));
}
