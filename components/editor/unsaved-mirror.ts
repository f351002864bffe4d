'use client';

import { z } from 'zod';
import type { ArticleDraft } from '@/lib/article-draft';
import { BodyDoc } from '@/lib/article-body';

/**
 * The browser's copy of text not yet saved: written on every change, cleared once the server has
 * it. After a crash, a closed tab, going offline or an expired session, the next open of the
 * article offers it back.
 */
const MirrorEntry = z.object({
  draft: z.object({
    headline: z.string(),
    standfirst: z.string(),
    datelinePlace: z.string(),
    datelineSource: z.string(),
    byline: z.string(),
    body: BodyDoc,
  }),
  baseVersion: z.number(),
  at: z.string(),
});
export type MirrorEntry = z.infer<typeof MirrorEntry>;

const keyFor = (articleId: number) => `dateline:unsaved:article:${articleId}`;

export function readMirror(articleId: number): MirrorEntry | null {
  try {
    const raw = window.localStorage.getItem(keyFor(articleId));
    if (!raw) return null;
    const parsed = MirrorEntry.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
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
