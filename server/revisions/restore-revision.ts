import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { revisions } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { draftOf } from '@/lib/article-draft';
import type { ArticleView } from '@/lib/article-view';
import type { BodyDoc } from '@/lib/article-body';
import type { SessionUser } from '@/lib/session-user';
import { RESTORABLE_FIELD_LABELS, type RestorableField, type RestoreRevisionInput } from '@/lib/validation/revisions';
import { findEditableArticle, loadArticleViewAfterWrite, staleVersionConflict } from '@/server/articles/queries';
import { revisionFields } from '@/server/articles/save-article';
import { advanceArticle } from '@/server/articles/workflow-step';
import { followWorkingCopy } from '@/server/co-editing/follow-working-copy';
import { recordAudit } from '@/server/audit/record-audit';
import { insertRevision, nextRevisionNumber } from './snapshot-revision';

type RevisionRow = typeof revisions.$inferSelect;

/**
 * Brings back a revision, or some of its parts, as a new revision of kind "restore" on top of the
 * working copy: nothing is taken out of the history, and the restore itself can be undone the same
 * way. Refused while someone else is editing, since their next save would otherwise be refused.
 */
export function restoreRevision(
  user: SessionUser,
  articleId: number,
  number: number,
  input: RestoreRevisionInput,
  now = new Date(),
): ArticleView {
  const restored = getDb().transaction(
    (tx) => {
      const article = findEditableArticle(tx, user, articleId);
      if (article.version !== input.version) throw staleVersionConflict(tx, articleId, 'Nothing was restored; here is the current version.');
      const source = revisionOf(tx, articleId, number);
      const working = article.workingRevisionId === null ? undefined : tx.select().from(revisions).where(eq(revisions.id, article.workingRevisionId)).get();
      if (!working) throw new Error(`article ${articleId} has no working copy`);

      const chosen = new Set(input.fields);
      const pick = (field: RestorableField) => (chosen.has(field) ? source : working);
      const lead = pick('leadPhoto');
      const body = pick('body').body as BodyDoc;
      const restoredNumber = nextRevisionNumber(tx, articleId);
      const restoredId = insertRevision(tx, {
        articleId,
        number: restoredNumber,
        kind: 'restore',
        authorId: user.id,
        createdAt: now,
        section: working.section,
        changeNote: `Restored ${input.fields.map((field) => RESTORABLE_FIELD_LABELS[field].toLowerCase()).join(', ')} from revision ${number}`,
        // Checked again as a save would be: a photo since taken out of the library is refused by name.
        ...revisionFields(
          tx,
          {
            headline: pick('headline').headline,
            standfirst: pick('standfirst').standfirst,
            datelinePlace: pick('dateline').datelinePlace,
            datelineSource: pick('dateline').datelineSource,
            byline: pick('byline').byline,
            leadPhoto: lead.leadPhotoId === null ? null : { photoId: lead.leadPhotoId, caption: lead.leadPhotoCaption, credit: lead.leadPhotoCredit },
            body,
          },
          JSON.stringify(body),
        ),
      });
      advanceArticle(tx, article, user, now, { workingRevisionId: restoredId });
      recordAudit(tx, {
        actorId: user.id,
        action: 'article.restore',
        targetType: 'article',
        targetId: articleId,
        details: { from: number, revision: restoredNumber, fields: input.fields },
      });
      return loadArticleViewAfterWrite(tx, articleId);
    },
    { behavior: 'immediate' },
  );
  // People editing the article see the restore arrive as a change, like anyone's typing.
  followWorkingCopy(articleId, draftOf(restored), user.id, now);
  return restored;
}

/** A revision of this article by its number; revisions of other articles are out of reach by construction. */
export function revisionOf(db: Tx, articleId: number, number: number): RevisionRow {
  const row = db.select().from(revisions).where(and(eq(revisions.articleId, articleId), eq(revisions.number, number))).get();
  if (!row) throw new AppError('NOT_FOUND', `This article has no revision ${number}.`);
  return row;
}
