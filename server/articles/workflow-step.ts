import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { articles } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { ArticleView } from '@/lib/article-view';
import { type WorkflowAction, workflowRefusal } from '@/lib/article-workflow';
import type { SessionUser } from '@/lib/session-user';
import { type ArticleLifecycle, findVisibleArticle, loadArticleViewAfterWrite, staleVersionConflict, workflowSubjectOf } from './queries';

export type StepContext = { tx: Tx; article: ArticleLifecycle; now: Date };

/**
 * One step of the status flow as one transaction: the article as this person may see it, the
 * workflow rule for the step (a permission refusal first, as 403), the version the person acted on
 * (a stale one is refused with the current state, as a stale save is), the rule's status check
 * (409), then the step's own writes. Answers with the article as it now is.
 */
export function runWorkflowStep(
  user: SessionUser,
  articleId: number,
  step: { action: WorkflowAction; version: number },
  write: (context: StepContext) => void,
  now = new Date(),
): ArticleView {
  return getDb().transaction(
    (tx) => {
      const article = findVisibleArticle(tx, user, articleId);
      const refusal = workflowRefusal(user, workflowSubjectOf(article), step.action);
      if (refusal?.code === 'FORBIDDEN') throw new AppError('FORBIDDEN', refusal.message);
      if (article.version !== step.version) throw staleVersionConflict(tx, articleId, 'Nothing was done; here is the current version.');
      if (refusal) throw new AppError(refusal.code, refusal.message);
      write({ tx, article, now });
      return loadArticleViewAfterWrite(tx, articleId);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Moves the article on: the step's own changes, a new version (so a tab still showing the old
 * state is refused rather than acting on it), and the desk's last-edited mark. A change of status
 * ends any copy-desk claim: a claim is on one trip through review.
 */
export function advanceArticle(
  tx: Tx,
  article: Pick<ArticleLifecycle, 'id' | 'version'>,
  by: { id: number },
  now: Date,
  changes: Partial<typeof articles.$inferInsert>,
): void {
  tx.update(articles)
    .set({
      ...changes,
      ...(changes.status ? { claimedBy: null, claimedAt: null } : {}),
      version: sql`${articles.version} + 1`,
      lastEditedAt: now,
      lastEditedBy: by.id,
    })
    .where(and(eq(articles.id, article.id), eq(articles.version, article.version)))
    .run();
}
