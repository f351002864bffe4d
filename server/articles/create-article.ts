import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { boundAsIs, getDb, preparedQuery, type Tx } from '@/db/client';
import { articles } from '@/db/schema';
import { EMPTY_BODY } from '@/lib/article-body';
import type { ArticleFormat } from '@/lib/domain-constants';
import { placeholderSlug } from '@/lib/slug';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { insertRevision, type RevisionText } from '@/server/revisions/snapshot-revision';

const insertArticleQuery = preparedQuery((db) =>
  db
    .insert(articles)
    .values({
      slug: sql.placeholder('slug'),
      format: sql.placeholder('format'),
      authorId: sql.placeholder('authorId'),
      lastEditedAt: sql.placeholder('now'),
      lastEditedBy: sql.placeholder('authorId'),
    })
    .returning({ id: articles.id })
    .prepare(),
);

const setWorkingRevisionQuery = preparedQuery((db) =>
  db
    .update(articles)
    .set({ workingRevisionId: boundAsIs('revisionId') })
    .where(eq(articles.id, sql.placeholder('articleId')))
    .prepare(),
);

const EMPTY_BODY_JSON = JSON.stringify(EMPTY_BODY);

/**
 * Opens a blank draft owned by the user, with the user's name as byline; revision 1 is that blank.
 * A live story (docs/decisions/021) starts the same way, as a draft that goes through the desk.
 */
export function createArticle(user: SessionUser, now = new Date(), format: ArticleFormat = 'article'): { id: number } {
  assertCan(user, 'article:create');
  return getDb().transaction(
    (tx) =>
      insertDraft(tx, user, now, format, {
        headline: '',
        standfirst: '',
        datelinePlace: '',
        datelineSource: '',
        byline: user.name,
        leadPhotoId: null,
        leadPhotoCaption: null,
        leadPhotoCredit: null,
        bodyJson: EMPTY_BODY_JSON,
        bodyText: '',
      }),
    { behavior: 'immediate' },
  );
}

/**
 * A new draft owned by the user whose revision 1 is `text`, inside the caller's transaction (its
 * policy check already done): a blank one, or one made from a wire item.
 */
export function insertDraft(
  tx: Tx,
  user: SessionUser,
  now: Date,
  format: ArticleFormat,
  text: RevisionText,
  auditDetails: Record<string, unknown> = {},
): { id: number } {
  // The public address is chosen at publish time; until then a placeholder keeps it unique.
  const article = insertArticleQuery(tx).get({ slug: placeholderSlug(), format, authorId: user.id, now });
  const revisionId = insertRevision(tx, { articleId: article.id, number: 1, kind: 'create', authorId: user.id, createdAt: now, ...text });
  setWorkingRevisionQuery(tx).run({ revisionId, articleId: article.id });
  const details = { ...(format === 'live' ? { format } : {}), ...auditDetails };
  recordAudit(tx, { actorId: user.id, action: 'article.create', targetType: 'article', targetId: article.id, ...(Object.keys(details).length > 0 ? { details } : {}) });
  return article;
}
