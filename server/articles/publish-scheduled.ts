import 'server-only';
import { and, asc, eq, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { AppError, isAppError } from '@/lib/app-error';
import { workflowRefusal } from '@/lib/article-workflow';
import { recordAudit } from '@/server/audit/record-audit';
import { findActiveUser } from '@/server/users/queries';
import { publishWorkingCopy } from './publish-article';
import { unsafeFindArticleLifecycle, workflowSubjectOf } from './queries';
import { log } from '@/server/log/logger';
import { queueScheduleFailureMail } from '@/server/mail/queue-mail';

export type ScheduledRun = { published: number[]; failed: { id: number; reason: string }[] };

/**
 * Publishes every scheduled article whose time has come, also those due while the server was down.
 * Each goes out in the name of whoever scheduled it, and only if that person still may publish it
 * and it still passes the publish checks; otherwise it goes back to Approved with the reason shown
 * on the desk and in the audit log, never silently left behind.
 */
export function publishDueArticles(now = new Date()): ScheduledRun {
  const due = getDb()
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.status, 'scheduled'), lte(articles.scheduledFor, now)))
    .orderBy(asc(articles.scheduledFor), asc(articles.id))
    .all();
  const run: ScheduledRun = { published: [], failed: [] };
  for (const { id } of due) {
    try {
      if (publishIfStillDue(id, now)) run.published.push(id);
    } catch (error) {
      // Anything but the domain's own refusals is a bug: it still must not stop the other stories.
      const reason = isAppError(error) ? error.message : 'Something went wrong on our side.';
      if (!isAppError(error)) log.error({ err: error, articleId: id }, 'scheduler: publishing an article failed');
      recordScheduleFailure(id, reason, now);
      run.failed.push({ id, reason });
    }
  }
  return run;
}

function publishIfStillDue(id: number, now: Date): boolean {
  return getDb().transaction(
    (tx) => {
      const article = unsafeFindArticleLifecycle(tx, id);
      // Unscheduled or published by hand since the list was read.
      if (!article || article.status !== 'scheduled' || !article.scheduledFor || article.scheduledFor > now) return false;
      const user = article.scheduledBy === null ? null : findActiveUser(article.scheduledBy);
      if (!user) throw new AppError('FORBIDDEN', 'The person who scheduled it no longer has an active account.');
      const refusal = workflowRefusal(user, workflowSubjectOf(article), 'publish');
      if (refusal) throw new AppError(refusal.code, `${user.name} can no longer publish it: ${refusal.message}`);
      publishWorkingCopy(tx, user, article, {}, now, 'schedule');
      return true;
    },
    { behavior: 'immediate' },
  );
}

function recordScheduleFailure(id: number, reason: string, now: Date): void {
  const dueAt = now.toISOString();
  getDb().transaction(
    (tx) => {
      const moved = tx
        .update(articles)
        .set({ status: 'approved', scheduleFailure: reason })
        .where(and(eq(articles.id, id), eq(articles.status, 'scheduled')))
        .returning({ id: articles.id, authorId: articles.authorId, scheduledBy: articles.scheduledBy })
        .get();
      if (!moved) return;
      queueScheduleFailureMail(tx, moved, reason, now);
      recordAudit(tx, { actorId: null, action: 'article.schedule.failed', targetType: 'article', targetId: id, details: { reason, at: dueAt } });
    },
    { behavior: 'immediate' },
  );
}
