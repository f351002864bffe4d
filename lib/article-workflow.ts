import type { ArticleStatus } from './domain-constants';
import { can } from './permissions';
import type { SessionUser } from './session-user';

/**
 * The status flow of DESIGN.md as rules: which step a person may take on an article now, and if
 * not, why. The domain refuses with these messages; the article screen shows only the steps that
 * would be accepted.
 */
export const WORKFLOW_ACTIONS = ['submit', 'approve', 'return', 'publish', 'schedule', 'unschedule', 'withdraw'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** What the rules need to know of an article. */
export type WorkflowSubject = {
  authorId: number;
  status: ArticleStatus;
  /** On the public site now. */
  live: boolean;
  /** Set at the first publish: publishing again is then an update of the live story. */
  firstPublishedAt: string | Date | null;
  /** The working copy differs from what the public site shows. */
  hasUnpublishedChanges: boolean;
};

export type WorkflowRefusal = { code: 'FORBIDDEN' | 'CONFLICT'; message: string };

type Person = Pick<SessionUser, 'id' | 'role'>;

const forbidden = (message: string): WorkflowRefusal => ({ code: 'FORBIDDEN', message });
const conflict = (message: string): WorkflowRefusal => ({ code: 'CONFLICT', message });

/** Why this person may not take this step on this article now, or null if they may. */
export function workflowRefusal(user: Person, article: WorkflowSubject, action: WorkflowAction): WorkflowRefusal | null {
  switch (action) {
    case 'submit':
      if (!can(user, 'article:submit', article)) return forbidden('Only the writer can submit their article for review.');
      if (article.status === 'in_review') return conflict('This article is already with the copy desk.');
      if (article.status === 'approved' || article.status === 'scheduled') {
        return conflict('The copy desk has already approved this article.');
      }
      if (article.status === 'published' && !article.hasUnpublishedChanges) {
        return conflict('There are no changes to the live story to submit.');
      }
      return null;
    case 'approve':
      if (!can(user, 'article:review')) return forbidden('Only the copy desk can approve an article.');
      if (article.status !== 'in_review') return conflict('Only an article in review can be approved.');
      return null;
    case 'return':
      if (!can(user, 'article:review')) return forbidden('Only the copy desk can return an article to its writer.');
      if (!['in_review', 'approved', 'scheduled'].includes(article.status)) {
        return conflict('Only an article with the copy desk can be returned to its writer.');
      }
      return null;
    case 'publish':
      return publishRefusal(user, article);
    case 'schedule':
      // An embargo is for a story's first appearance; a live story's changes go out as updates.
      if (article.firstPublishedAt !== null) {
        return conflict('This story has already been published; publish an update instead.');
      }
      if (article.status === 'scheduled') return conflict('This article is already scheduled; unschedule it to choose another time.');
      return publishRefusal(user, article);
    case 'unschedule':
      if (!can(user, 'article:publish:approved')) return forbidden('You cannot change when articles are published.');
      if (article.status !== 'scheduled') return conflict('This article is not scheduled.');
      return null;
    case 'withdraw':
      if (!can(user, 'article:unpublish')) return forbidden('You cannot withdraw published stories.');
      if (!article.live) return conflict('Only a story on the public site can be withdrawn.');
      return null;
  }
}

function publishRefusal(user: Person, article: WorkflowSubject): WorkflowRefusal | null {
  if (article.status === 'published' && !article.hasUnpublishedChanges) {
    return conflict('Nothing to publish: the public page already shows this version.');
  }
  if (can(user, 'article:publish:any')) return null;
  if (!can(user, 'article:publish:approved')) return forbidden('You cannot publish articles.');
  if (article.status === 'approved' || article.status === 'scheduled') return null;
  return forbidden('The copy desk must approve this version before you can publish it.');
}

/** The steps this person can take on this article now, in the order the screen offers them. */
export function availableWorkflowActions(user: Person, article: WorkflowSubject): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => workflowRefusal(user, article, action) === null);
}
