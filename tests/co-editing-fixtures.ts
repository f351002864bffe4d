import { expect } from 'vitest';
import * as Y from 'yjs';
import type { ArticleDraft } from '@/lib/article-draft';
import { seedArticleDocument } from '@/lib/co-editing/article-body-document';
import type { SessionUser } from '@/lib/session-user';
import { loadArticleDocument } from '@/server/co-editing/load-document';
import { storeCollabUpdate } from '@/server/co-editing/store-update';

/** The server's shared document of an article whose working copy is `draft`. */
export function seededDocument(draft: ArticleDraft): Y.Doc {
  const doc = new Y.Doc();
  seedArticleDocument(doc, draft);
  return doc;
}

/** Another participant's copy of a document, as the server hands it over on connecting. */
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** What a participant's provider would send while `change` runs: one update per transaction. */
export function updatesWhile(doc: Y.Doc, change: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const record = (update: Uint8Array) => updates.push(update);
  doc.on('update', record);
  try {
    change();
  } finally {
    doc.off('update', record);
  }
  return updates;
}

/** The server's document of the article, and a way for a person to type into it as the WebSocket would deliver it. */
export function sharedArticle(articleId: number, at: Date) {
  const server = new Y.Doc();
  expect(loadArticleDocument(server, articleId, at)).toBe(true);
  return {
    server,
    /** A person's change on their own copy, stored then applied, in the order the server's beforeSync does. */
    type(user: SessionUser, change: (doc: Y.Doc) => void): void {
      const copy = copyOf(server);
      for (const update of updatesWhile(copy, () => change(copy))) {
        storeCollabUpdate(articleId, user.id, update, at);
        Y.applyUpdate(server, update);
      }
    },
  };
}
