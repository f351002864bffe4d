'use client';

import * as Y from 'yjs';
import { type ArticleDraft, sameDraft } from '@/lib/article-draft';
import { draftOfDocument } from '@/lib/co-editing/article-body-document';
import type { SharedCopy } from './shared-copy';

// Loaded only when this device holds a copy: reading a whole draft brings the body's schema and check.

/**
 * The article as it is now and as it would be with the copy merged in, when merging would change
 * it; null when the server already has everything the copy holds, or the copy is not a document a
 * save would accept (storage is another program's to change).
 */
export function whatTheCopyAdds(doc: Y.Doc, copy: SharedCopy): { now: ArticleDraft; merged: ArticleDraft } | null {
  const trial = new Y.Doc();
  try {
    Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(trial, copy.update);
    const now = draftOfDocument(doc);
    const merged = draftOfDocument(trial);
    return sameDraft(now, merged) ? null : { now, merged };
  } catch {
    return null;
  } finally {
    trial.destroy();
  }
}

