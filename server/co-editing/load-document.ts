import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { articleCollabStates, articleCollabUpdates } from '@/db/schema';
import { draftOf } from '@/lib/article-draft';
import { seedArticleDocument } from '@/lib/co-editing/article-body-document';
import { unsafeLoadArticleView } from '@/server/articles/queries';

/**
 * Fills an empty document with the article's shared document as stored: its merged state, then
 * every update after it. An article that has never been co-edited gets its first state from the
 * working copy, stored in the same transaction; once a state exists the document is never made
 * from the revision's text again, which would write every paragraph a second time. Answers false
 * when there is no such article.
 */
export function loadArticleDocument(doc: Y.Doc, articleId: number, now = new Date()): boolean {
  return getDb().transaction(
    (tx) => {
      const stored = tx.select().from(articleCollabStates).where(eq(articleCollabStates.articleId, articleId)).get();
      if (stored) {
        Y.applyUpdate(doc, stored.state);
        const later = tx
          .select({ update: articleCollabUpdates.update })
          .from(articleCollabUpdates)
          .where(and(eq(articleCollabUpdates.articleId, articleId), gt(articleCollabUpdates.id, stored.throughUpdateId)))
          .orderBy(asc(articleCollabUpdates.id))
          .all();
        for (const { update } of later) Y.applyUpdate(doc, update);
        return true;
      }
      const article = unsafeLoadArticleView(tx, articleId);
      if (!article) return false;
      seedArticleDocument(doc, draftOf(article));
      tx.insert(articleCollabStates).values({ articleId, state: Buffer.from(Y.encodeStateAsUpdate(doc)), throughUpdateId: 0, updatedAt: now }).run();
      return true;
    },
    { behavior: 'immediate' },
  );
}
