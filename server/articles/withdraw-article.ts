import 'server-only';
import type { ArticleView } from '@/lib/article-view';
import type { SessionUser } from '@/lib/session-user';
import type { WithdrawInput } from '@/lib/validation/workflow';
import { recordAudit } from '@/server/audit/record-audit';
import { addressChangeKeys, filingIds, filingListKeys } from '@/lib/public/surrogate-keys';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import { unsafeLoadFiling } from '@/server/filing/queries';
import { advanceArticle, runWorkflowStep } from './workflow-step';

/**
 * Takes a story off the public site: its address answers 410 Gone from now on, its feeds and JSON
 * drop it. Nothing is deleted: the history stays, and the story can be published again.
 */
export function withdrawArticle(user: SessionUser, articleId: number, input: WithdrawInput, now = new Date()): ArticleView {
  return runWorkflowStep(
    user,
    articleId,
    { action: 'withdraw', version: input.version },
    ({ tx, article }) => {
      advanceArticle(tx, article, user, now, { status: 'withdrawn', withdrawnAt: now });
      // The lists it leaves: each page below the story's place in them shifts up by one.
      recordPublicChange(tx, [...addressChangeKeys(articleId), ...filingListKeys(filingIds(unsafeLoadFiling(tx, articleId)))], now);
      recordAudit(tx, { actorId: user.id, action: 'article.withdraw', targetType: 'article', targetId: articleId, details: { note: input.note } });
    },
    now,
  );
}
