import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { comments } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { CommentThread } from '@/lib/comment-view';
import type { SessionUser } from '@/lib/session-user';
import type { SetCommentResolvedInput } from '@/lib/validation/comment';
import { findVisibleArticle } from '@/server/articles/queries';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { findThreadOf, unsafeListThreads } from './list-comments';

/**
 * Resolves or reopens the thread a comment belongs to (a reply's id stands for its thread, as it
 * does when replying). Asking for the state the thread is already in changes nothing and is not
 * an error: two people resolving at once both see it resolved. Answers with every thread.
 */
export function setCommentResolved(
  user: SessionUser,
  articleId: number,
  commentId: number,
  input: SetCommentResolvedInput,
  now = new Date(),
): CommentThread[] {
  assertCan(user, 'comment:create');
  return getDb().transaction(
    (tx) => {
      findVisibleArticle(tx, user, articleId);
      const thread = findThreadOf(tx, articleId, commentId);
      if (!thread) throw new AppError('NOT_FOUND', 'No comment with that id on this story.');
      if ((thread.resolvedAt !== null) !== input.resolved) {
        tx.update(comments)
          .set(input.resolved ? { resolvedAt: now, resolvedBy: user.id } : { resolvedAt: null, resolvedBy: null })
          .where(eq(comments.id, thread.id))
          .run();
        recordAudit(tx, {
          actorId: user.id,
          action: input.resolved ? 'comment.resolve' : 'comment.reopen',
          targetType: 'comment',
          targetId: thread.id,
          details: { articleId },
        });
      }
      return unsafeListThreads(tx, articleId);
    },
    { behavior: 'immediate' },
  );
}
