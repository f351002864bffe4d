import 'server-only';
import { AppError } from '@/lib/app-error';
import type { ArticleView } from '@/lib/article-view';
import type { SessionUser } from '@/lib/session-user';
import type { ReviewStepInput } from '@/lib/validation/workflow';
import { recordAudit } from '@/server/audit/record-audit';
import { queueReviewRequestMail } from '@/server/mail/queue-mail';
import { notify } from '@/server/notifications/notify';
import { snapshotWorkingCopy } from '@/server/revisions/snapshot-revision';
import { advanceArticle, runWorkflowStep } from './workflow-step';

/** The writer hands the article to the copy desk; until it comes back, it is the desk's to edit. */
export function submitArticle(user: SessionUser, articleId: number, input: ReviewStepInput, now = new Date()): ArticleView {
  return reviewStep(user, articleId, 'submit', input, now);
}

/** The copy desk clears this version for publication. */
export function approveArticle(user: SessionUser, articleId: number, input: ReviewStepInput, now = new Date()): ArticleView {
  return reviewStep(user, articleId, 'approve', input, now);
}

/** The copy desk sends the article back with a note; the writer sees it at the top of the article. */
export function returnArticle(user: SessionUser, articleId: number, input: ReviewStepInput, now = new Date()): ArticleView {
  if (!input.note?.trim()) {
    throw new AppError('INVALID', 'Tell the writer what to change.', { fields: { note: ['Tell the writer what to change.'] } });
  }
  return reviewStep(user, articleId, 'return', input, now);
}

const NEXT_STATUS = { submit: 'in_review', approve: 'approved', return: 'draft' } as const;

function reviewStep(
  user: SessionUser,
  articleId: number,
  action: keyof typeof NEXT_STATUS,
  input: ReviewStepInput,
  now: Date,
): ArticleView {
  return runWorkflowStep(
    user,
    articleId,
    { action, version: input.version },
    ({ tx, article }) => {
      const revision = snapshotWorkingCopy(tx, article, { kind: action, authorId: user.id, at: now, changeNote: input.note });
      advanceArticle(tx, article, user, now, {
        status: NEXT_STATUS[action],
        workingRevisionId: revision.id,
        // A returned article is no longer cleared for publication, scheduled or not.
        ...(action === 'return' ? { scheduledFor: null, scheduledBy: null, scheduleFailure: null } : {}),
      });
      recordAudit(tx, {
        actorId: user.id,
        action: `article.${action}`,
        targetType: 'article',
        targetId: articleId,
        details: { revision: revision.number, ...(input.note ? { note: input.note } : {}) },
      });
      if (action === 'submit') {
        // The bell leaves a submission to the review queue; the desk may also ask to be emailed.
        queueReviewRequestMail(tx, article, user.id, now);
      } else {
        notify(
          tx,
          { recipientId: article.authorId, kind: action === 'return' ? 'returned' : 'approved', articleId, actorId: user.id, quote: input.note ?? null },
          now,
        );
      }
    },
    now,
  );
}
