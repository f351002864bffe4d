import * as Y from 'yjs';
import type { ArticleDraft } from '@/lib/article-draft';
import { seedArticleDocument } from '@/lib/co-editing/article-document';

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
