import { NextResponse } from 'next/server';
import type { ArticleView } from '@/lib/article-view';
import type { SessionUser } from '@/lib/session-user';
import { parseId } from '@/lib/validation/parse-id';
import { parseInput } from '@/lib/validation/parse-input';
import { WorkflowStepInput } from '@/lib/validation/workflow';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, returnArticle, submitArticle } from '@/server/articles/review-steps';
import { scheduleArticle, unscheduleArticle } from '@/server/articles/schedule-article';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { apiRoute, readJson } from '@/server/http/api-route';
import { requireUser } from '@/server/session';

type Params = { params: Promise<{ id: string }> };

/** One step of the status flow: `{ action, version, … }`; answers with the article as it now is. */
export const POST = apiRoute(async (request, { params }: Params) => {
  const user = await requireUser();
  const id = parseId((await params).id, 'article');
  const step = parseInput(WorkflowStepInput, await readJson(request));
  return NextResponse.json(take(user, id, step));
});

function take(user: SessionUser, id: number, step: WorkflowStepInput): ArticleView {
  switch (step.action) {
    case 'submit':
      return submitArticle(user, id, step);
    case 'approve':
      return approveArticle(user, id, step);
    case 'return':
      return returnArticle(user, id, step);
    case 'publish':
      return publishArticle(user, id, step);
    case 'schedule':
      return scheduleArticle(user, id, step);
    case 'unschedule':
      return unscheduleArticle(user, id, step);
    case 'withdraw':
      return withdrawArticle(user, id, step);
  }
}
