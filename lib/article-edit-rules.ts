import type { ArticleStatus } from './domain-constants';
import { can } from './permissions';
import type { SessionUser } from './session-user';

/** Where a writer's own article is theirs to change: before review, and a live or withdrawn story. */
const WRITER_EDITABLE: readonly ArticleStatus[] = ['draft', 'published', 'withdrawn'];

/**
 * Why this person may not edit this article now, or null if they may. The permission table says
 * who may edit whose articles; the status rule adds that a writer's article, once submitted, is the
 * copy desk's until it comes back. A writer may change their live story: the change waits in the
 * working copy, and the public page keeps the live version until the update is approved and published.
 */
export function editRefusal(
  user: Pick<SessionUser, 'id' | 'role'>,
  article: { authorId: number; status: ArticleStatus },
): string | null {
  if (!can(user, 'article:edit', article)) return 'Only the copy desk can edit someone else’s article.';
  if (can(user, 'article:edit:any') || WRITER_EDITABLE.includes(article.status)) return null;
  if (article.status === 'scheduled') {
    return 'This article is scheduled for publication; ask the copy desk to unschedule it to make changes.';
  }
  return 'This article is with the copy desk; you can edit it again when it is returned to you.';
}
