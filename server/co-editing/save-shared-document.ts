import 'server-only';
import * as Y from 'yjs';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/app-error';
import type { ArticleView } from '@/lib/article-view';
import type { SessionUser } from '@/lib/session-user';
import type { SaveSharedInput } from '@/lib/validation/article';
import { findEditableArticle, getArticle } from '@/server/articles/queries';
import { fileArticle } from '@/server/filing/file-article';
import { foldArticleDocument } from './fold-document';
import { openDocuments } from './follow-working-copy';
import { loadArticleDocument } from './load-document';

/**
 * A co-editor's save, sent once their own changes are acknowledged: the filing they chose (a whole
 * value, the last one sent wins), then the shared document folded into the working copy now rather
 * than at the next pause — an autosave, or with `save` a revision of its own under their name.
 * What it answers is the version a workflow step then acts on. The document is the open one, which
 * holds every acknowledged update, or when nobody has it open one loaded from the database.
 */
export function saveSharedDocument(user: SessionUser, articleId: number, input: SaveSharedInput, now = new Date()): ArticleView {
  const { filing } = input;
  const db = getDb();
  db.transaction(
    (tx) => {
      const article = findEditableArticle(tx, user, articleId);
      if (filing) fileArticle(tx, user, article, filing, now);
    },
    { behavior: 'immediate' },
  );

  const savedBy = input.mode === 'save' ? user.id : undefined;
  const documents = openDocuments();
  const outcome = documents?.fold(articleId, savedBy) ?? foldStoredDocument(articleId, now, savedBy);
  if (outcome.folded === false && outcome.why === 'refused') throw new AppError('INVALID', outcome.problem, { fields: outcome.fields });
  documents?.announce(articleId, { kind: 'article-changed' });
  return getArticle(user, articleId);
}

function foldStoredDocument(articleId: number, now: Date, savedBy: number | undefined) {
  const doc = new Y.Doc();
  loadArticleDocument(doc, articleId, now);
  return foldArticleDocument(articleId, doc, now, savedBy);
}
