'use client';

import type { BodyDoc } from '@/lib/article-body';

/**
 * Copies of text the server does not have yet, kept in this browser's storage: the shared article's
 * (components/co-editing/shared-copy.ts) and a live entry being written
 * (components/live-coverage/entry-draft-copy.ts). Storage is another program's to change, so what is
 * read back is checked before it is offered.
 */

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
