import type { ArticleStatus } from './domain-constants';
import { can } from './permissions';
import type { SessionUser } from './session-user';

/**
 * Why this person may not edit this article now, or null if they may. The permission table says
 * who may edit whose articles; the status rule adds that a writer's article, once submitted, is the
 * copy desk's until it comes back.
 */
export function editRefusal(
  user: Pick<SessionUser, 'id' | 'role'>,
  article: { authorId: number; status: ArticleStatus },
): string | null {
  if (!can(user, 'article:edit', article)) return 'Only the copy desk can edit someone else’s article.';
  if (can(user, 'article:edit:any')) return null;
  if (article.status !== 'draft') {
    return 'This article is with the copy desk; you can edit it again when it is returned to you.';
  }
  return null;
}
