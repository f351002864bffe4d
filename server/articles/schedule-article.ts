import 'server-only';
import { AppError } from '@/lib/app-error';
import type { ArticleView } from '@/lib/article-view';
import { isPlaceholderSlug } from '@/lib/slug';
import type { SessionUser } from '@/lib/session-user';
import type { ScheduleInput } from '@/lib/validation/workflow';
import { instantFromLocalTime } from '@/lib/zoned-time';
import { recordAudit } from '@/server/audit/record-audit';
import { assertPublishable } from './publish-article';
import { claimSlug } from './slugs';
import { advanceArticle, runWorkflowStep } from './workflow-step';

/**
 * Embargo: the story goes out by itself at a wall-clock time in the zone the desk gave. It is
 * checked now as it will be then, and gets its address now, so the desk can share the link ahead.
 */
export function scheduleArticle(user: SessionUser, articleId: number, input: ScheduleInput, now = new Date()): ArticleView {
  return runWorkflowStep(
    user,
    articleId,
    { action: 'schedule', version: input.version },
    ({ tx, article }) => {
      const at = instantFromLocalTime(input.localTime, input.timeZone);
      if (!at.ok) {
        const field = at.problem.includes('time zone') ? 'timeZone' : 'localTime';
        throw new AppError('INVALID', at.problem, { fields: { [field]: [at.problem] } });
      }
      if (at.at.getTime() <= now.getTime()) {
        throw new AppError('INVALID', 'That time has passed.', { fields: { localTime: ['Choose a time in the future.'] } });
      }
      // Checked as of the chosen time: a story may be scheduled for the moment its embargo lifts.
      assertPublishable(tx, articleId, at.at);
      advanceArticle(tx, article, user, now, {
        status: 'scheduled',
        slug: isPlaceholderSlug(article.slug) ? claimSlug(tx, article) : article.slug,
        scheduledFor: at.at,
        scheduledBy: user.id,
        scheduleFailure: null,
      });
      recordAudit(tx, {
        actorId: user.id,
        action: 'article.schedule',
        targetType: 'article',
        targetId: articleId,
        details: { at: at.at.toISOString(), localTime: input.localTime, timeZone: input.timeZone },
      });
    },
    now,
  );
}

/** Takes a scheduled article off the schedule; it stays approved, ready to publish or schedule again. */
export function unscheduleArticle(user: SessionUser, articleId: number, input: { version: number }, now = new Date()): ArticleView {
  return runWorkflowStep(
    user,
    articleId,
    { action: 'unschedule', version: input.version },
    ({ tx, article }) => {
      advanceArticle(tx, article, user, now, { status: 'approved', scheduledFor: null, scheduledBy: null, scheduleFailure: null });
      recordAudit(tx, { actorId: user.id, action: 'article.unschedule', targetType: 'article', targetId: articleId });
    },
    now,
  );
}
