import 'server-only';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { articleCollabStates } from '@/db/schema';
import type { ArticleDraft } from '@/lib/article-draft';
import { replaceDraftInDocument } from '@/lib/co-editing/article-body-document';
import type { SharedNotice } from '@/lib/co-editing/shared-notice';
import type { FoldOutcome } from './fold-document';
import { loadArticleDocument } from './load-document';
import { storeCollabUpdate } from './store-update';

/**
 * Where this process's co-editing server keeps the documents people have open. The server lives in
 * the HTTP server's module graph and the writes in Next's, so they meet on globalThis, as the live
 * streams do. Each graph has its own copy of Yjs, and a Yjs document from one fails the type checks
 * of the other: so only bytes and plain values cross, and the server's side does the work on its
 * documents. Absent where nobody co-edits (tests, shell scripts).
 */
export const OPEN_DOCUMENTS_HOOK = Symbol.for('dateline.collabDocuments');

export type OpenDocuments = {
  /** Applies a stored change to the article's open document; false when nobody has it open. */
  apply(articleId: number, update: Uint8Array): boolean;
  /** Folds the article's open document now (see foldArticleDocument); null when nobody has it open. */
  fold(articleId: number, savedBy?: number): FoldOutcome | null;
  /** Tells the people in an open document that the article moved on, or why their text was not folded. */
  announce(articleId: number, notice: SharedNotice): void;
};

export function installOpenDocuments(documents: OpenDocuments | undefined): void {
  (globalThis as Record<symbol, OpenDocuments | undefined>)[OPEN_DOCUMENTS_HOOK] = documents;
}

export const openDocuments = (): OpenDocuments | undefined => (globalThis as Record<symbol, OpenDocuments | undefined>)[OPEN_DOCUMENTS_HOOK];

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
  const documents = openDocuments();
  if (documents?.apply(articleId, change)) documents.announce(articleId, { kind: 'article-changed' });
}
