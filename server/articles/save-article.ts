import 'server-only';
import { and, eq, max, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { docToPlainText, MAX_BODY_BYTES } from '@/lib/article-body';
import { editRefusal } from '@/lib/article-edit-rules';
import type { ArticleView } from '@/lib/article-view';
import type { SessionUser } from '@/lib/session-user';
import type { SaveArticleInput } from '@/lib/validation/article';
import { recordAudit } from '@/server/audit/record-audit';
import { ARTICLE_NOT_FOUND, articlesVisibleTo, unsafeLoadArticleView } from './queries';

/**
 * An explicit save: a new revision of the working copy, based on the version the writer loaded.
 * A stale version is refused with the current state, so the writer's text is never overwritten.
 */
export function saveArticle(user: SessionUser, articleId: number, input: SaveArticleInput, now = new Date()): ArticleView {
  const bodyBytes = Buffer.byteLength(JSON.stringify(input.body));
  if (bodyBytes > MAX_BODY_BYTES) {
    throw new AppError('TOO_LARGE', 'The body is too long to save.', {
      fields: { body: [`The body is ${(bodyBytes / 1e6).toFixed(1)} MB; the limit is 1 MB. Split the story.`] },
    });
  }

  return getDb().transaction(
    (tx) => {
      const article = tx
        .select({ id: articles.id, status: articles.status, authorId: articles.authorId, version: articles.version })
        .from(articles)
        .where(and(eq(articles.id, articleId), articlesVisibleTo(user)))
        .get();
      if (!article) throw new AppError('NOT_FOUND', ARTICLE_NOT_FOUND);

      const refusal = editRefusal(user, article);
      if (refusal) throw new AppError('FORBIDDEN', refusal);

      if (article.version !== input.version) {
        const current = unsafeLoadArticleView(tx, articleId);
        const who = current?.lastEditedByName ?? 'Someone';
        throw new AppError('CONFLICT', `${who} saved this article after you opened it. Your text has not been saved.`, {
          current,
        });
      }

      const latest = tx
        .select({ n: max(revisions.number) })
        .from(revisions)
        .where(eq(revisions.articleId, articleId))
        .get();
      const revision = tx
        .insert(revisions)
        .values({
          articleId,
          number: (latest?.n ?? 0) + 1,
          kind: 'save',
          authorId: user.id,
          createdAt: now,
          headline: input.headline,
          standfirst: input.standfirst,
          datelinePlace: input.datelinePlace,
          datelineSource: input.datelineSource,
          byline: input.byline,
          body: input.body,
          bodyText: docToPlainText(input.body),
        })
        .returning({ id: revisions.id, number: revisions.number })
        .get();

      tx.update(articles)
        .set({
          version: sql`${articles.version} + 1`,
          workingRevisionId: revision.id,
          lastEditedAt: now,
          lastEditedBy: user.id,
        })
        .where(and(eq(articles.id, articleId), eq(articles.version, input.version)))
        .run();

      recordAudit(tx, {
        actorId: user.id,
        action: 'article.save',
        targetType: 'article',
        targetId: articleId,
        details: { revision: revision.number, version: input.version + 1 },
      });

      const saved = unsafeLoadArticleView(tx, articleId);
      if (!saved) throw new Error(`article ${articleId} vanished inside its own save`);
      return saved;
    },
    { behavior: 'immediate' },
  );
}
