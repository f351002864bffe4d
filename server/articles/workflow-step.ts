import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, preparedQuery, type Tx } from '@/db/client';
import { articles } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { ArticleView } from '@/lib/article-view';
import { type WorkflowAction, workflowRefusal } from '@/lib/article-workflow';
import type { SessionUser } from '@/lib/session-user';
import { openDocuments } from '@/server/co-editing/follow-working-copy';
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
  const view = getDb().transaction(
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
  // The others in the article see its new status at once (and whether they may still type in it).
  openDocuments()?.announce(articleId, { kind: 'article-changed' });
  return view;
}

type ArticleChanges = Partial<typeof articles.$inferInsert>;

/**
 * One UPDATE per shape of change, a shape being the columns a step sets, and which of them it
 * clears (`status scheduledFor=null …`): each step sets the same columns every time, so there are
 * a handful. Values are bound at each run; a cleared column is a null in the SQL.
 */
const advanceQuery = preparedQuery((db, shape: string) => {
  // Drizzle maps a placeholder in `set()` through its column (a Date to milliseconds), though its
  // types admit none there.
  const set: Record<string, unknown> = {};
  for (const entry of shape.split(' ').filter(Boolean)) {
    const [column, cleared] = entry.split('=');
    set[column!] = cleared === 'null' ? null : sql.placeholder(column!);
  }
  set.version = sql`${articles.version} + 1`;
  set.lastEditedAt = sql.placeholder('lastEditedAt');
  set.lastEditedBy = sql.placeholder('lastEditedBy');
  return db
    .update(articles)
    .set(set as ArticleChanges)
    .where(and(eq(articles.id, sql.placeholder('articleId')), eq(articles.version, sql.placeholder('version'))))
    .prepare();
});

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
  changes: ArticleChanges,
): void {
  const all: ArticleChanges = { ...changes, ...(changes.status ? { claimedBy: null, claimedAt: null } : {}) };
  const shape: string[] = [];
  const values: Record<string, unknown> = { articleId: article.id, version: article.version, lastEditedAt: now, lastEditedBy: by.id };
  for (const [column, value] of Object.entries(all)) {
    if (value === undefined) continue;
    shape.push(value === null ? `${column}=null` : column);
    if (value !== null) values[column] = value;
  }
  advanceQuery(tx, shape.join(' ')).run(values);
}
