'use client';

import type { ArticleDraft } from '@/lib/article-draft';
import type { BodyDoc } from '@/lib/article-body';

/**
 * The browser’s copy of text not yet saved: written a moment after each change (at once when the
 * page is hidden or left), cleared once the server has it. After a crash, a closed tab, going
 * offline or an expired session, the next open of the article offers it back.
 */
export type MirrorEntry = { draft: ArticleDraft; baseVersion: number; at: string };

const keyFor = (articleId: number) => `dateline:unsaved:article:${articleId}`;
const TEXT_FIELDS = ['headline', 'standfirst', 'datelinePlace', 'datelineSource', 'byline'] as const;

/** Storage is another program's to change: only an entry of the right shape with a valid body is offered. */
async function asMirrorEntry(value: unknown): Promise<MirrorEntry | null> {
  if (typeof value !== 'object' || value === null) return null;
  const { draft, baseVersion, at } = value as Record<string, unknown>;
  if (typeof baseVersion !== 'number' || typeof at !== 'string' || typeof draft !== 'object' || draft === null) return null;
  const fields = draft as Record<string, unknown>;
  if (!TEXT_FIELDS.every((field) => typeof fields[field] === 'string')) return null;
  // The schema check needs the editor library, which loads after the page: wait for it here.
  const { checkBody } = await import('@/lib/editor/validate-body');
  if (!checkBody(fields.body).ok) return null;
  return { draft: { ...(draft as Omit<ArticleDraft, 'body'>), body: fields.body as BodyDoc }, baseVersion, at };
}

export async function readMirror(articleId: number): Promise<MirrorEntry | null> {
  try {
    const raw = window.localStorage.getItem(keyFor(articleId));
    return raw ? await asMirrorEntry(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function writeMirror(articleId: number, draft: ArticleDraft, baseVersion: number): void {
  try {
    const entry: MirrorEntry = { draft, baseVersion, at: new Date().toISOString() };
    window.localStorage.setItem(keyFor(articleId), JSON.stringify(entry));
  } catch {
    // Storage full or disabled: the server copy and the open page still hold the text.
  }
}

export function clearMirror(articleId: number): void {
  try {
    window.localStorage.removeItem(keyFor(articleId));
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}
