import 'server-only';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { articleCollabStates } from '@/db/schema';
import type { ArticleDraft } from '@/lib/article-draft';
import { replaceDraftInDocument } from '@/lib/co-editing/article-document';
import { loadArticleDocument } from './load-document';
import { storeCollabUpdate } from './store-update';

/**
 * Where this process's co-editing server keeps the documents people have open. The server lives in
 * the HTTP server's module graph and the writes in Next's, so they meet on globalThis, as the live
 * streams do. Absent where nobody co-edits (tests, shell scripts).
 */
export const OPEN_DOCUMENTS_HOOK = Symbol.for('dateline.collabDocuments');

export type OpenDocuments = { find(articleId: number): Y.Doc | undefined };

export function installOpenDocuments(documents: OpenDocuments | undefined): void {
  (globalThis as Record<symbol, OpenDocuments | undefined>)[OPEN_DOCUMENTS_HOOK] = documents;
}

/**
 * After a write that did not come through the shared document has committed (a restore, a save
 * through the JSON API): brings the shared document to the working copy's text with ordinary Yjs
 * changes, stored like anyone's typing and applied to the open document, so that the people in it
 * see the change and the next fold does not undo it. The change is made on a copy loaded from the
 * database, which holds every update stored so far, so it builds on all of them even before the
 * open document has applied the last. An article never co-edited has no shared document to follow.
 */
export function followWorkingCopy(articleId: number, draft: ArticleDraft, userId: number, now = new Date()): void {
  const shared = getDb().select({ articleId: articleCollabStates.articleId }).from(articleCollabStates).where(eq(articleCollabStates.articleId, articleId)).get();
  if (!shared) return;
  const copy = new Y.Doc();
  loadArticleDocument(copy, articleId, now);
  const changes: Uint8Array[] = [];
  copy.on('update', (update: Uint8Array) => changes.push(update));
  replaceDraftInDocument(copy, draft);
  if (changes.length === 0) return;
  const change = Y.mergeUpdates(changes);
  storeCollabUpdate(articleId, userId, change, now);
  const open = (globalThis as Record<symbol, OpenDocuments | undefined>)[OPEN_DOCUMENTS_HOOK]?.find(articleId);
  if (open) Y.applyUpdate(open, change, OPEN_DOCUMENTS_HOOK);
}
