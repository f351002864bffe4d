import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { editRefusal } from '@/lib/article-edit-rules';
import type { SessionUser } from '@/lib/session-user';
import type { ArticleFieldsInput } from '@/lib/validation/article';
import { recordAudit } from '@/server/audit/record-audit';
import { ARTICLE_NOT_FOUND, articlesVisibleTo } from './queries';
import { assertBodySize, nextRevisionNumber, revisionFields } from './save-article';

export const CONFLICT_COPY_NOTE = 'Conflict copy';

/**
 * "Take theirs": the writer's own text goes into the history as a revision titled "Conflict copy"
 * while the working copy stays theirs. It neither moves the working copy nor bumps the version,
 * so whoever is editing now is not disturbed.
 */
export function recordConflictCopy(
  user: SessionUser,
  articleId: number,
  input: ArticleFieldsInput,
  now = new Date(),
): { revisionNumber: number } {
  assertBodySize(input.body);
  return getDb().transaction(
    (tx) => {
      const article = tx
        .select({ status: articles.status, authorId: articles.authorId })
        .from(articles)
        .where(and(eq(articles.id, articleId), articlesVisibleTo(user)))
        .get();
      if (!article) throw new AppError('NOT_FOUND', ARTICLE_NOT_FOUND);
      const refusal = editRefusal(user, article);
      if (refusal) throw new AppError('FORBIDDEN', refusal);

      const number = nextRevisionNumber(tx, articleId);
      tx.insert(revisions)
        .values({ articleId, number, kind: 'save', authorId: user.id, createdAt: now, changeNote: CONFLICT_COPY_NOTE, ...revisionFields(input) })
        .run();
      recordAudit(tx, {
        actorId: user.id,
        action: 'article.conflict_copy',
        targetType: 'article',
        targetId: articleId,
        details: { revision: number },
      });
      return { revisionNumber: number };
    },
    { behavior: 'immediate' },
  );
}
