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
  const body = await checkedBody(fields.body);
  if (!body) return null;
  return { draft: { ...(draft as Omit<ArticleDraft, 'body'>), body }, baseVersion, at };
}

/** A body read back from storage, if it passes the body's schema check. */
export async function checkedBody(value: unknown): Promise<BodyDoc | null> {
  // The schema check needs the editor library, which loads after the page: wait for it here.
  const { checkBody } = await import('@/lib/editor/validate-body');
  return checkBody(value).ok ? (value as BodyDoc) : null;
}

/** A copy kept in this browser under `key`, if it is still of the shape `check` accepts. */
export async function readBrowserCopy<T>(key: string, check: (value: unknown) => Promise<T | null>): Promise<T | null> {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? await check(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

export function writeBrowserCopy(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the server copy and the open page still hold the text.
  }
}

export function clearBrowserCopy(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to clear where storage is unavailable.
  }
}

export function readMirror(articleId: number): Promise<MirrorEntry | null> {
  return readBrowserCopy(keyFor(articleId), asMirrorEntry);
}

export function writeMirror(articleId: number, draft: ArticleDraft, baseVersion: number): void {
  const entry: MirrorEntry = { draft, baseVersion, at: new Date().toISOString() };
  writeBrowserCopy(keyFor(articleId), entry);
}

export function clearMirror(articleId: number): void {
  clearBrowserCopy(keyFor(articleId));
}
