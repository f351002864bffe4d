import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { articles, commentMentions, comments, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { CommentThread } from '@/lib/comment-view';
import { findMentions } from '@/lib/comments/mentions';
import type { SessionUser } from '@/lib/session-user';
import type { AddCommentInput } from '@/lib/validation/comment';
import { articlesVisibleTo, findVisibleArticle } from '@/server/articles/queries';
import { recordAudit } from '@/server/audit/record-audit';
import { notify } from '@/server/notifications/notify';
import { assertCan } from '@/server/policy';
import { findThreadOf, unsafeListThreads, workingBodyText } from './list-comments';

const PASSAGE_GONE = 'That passage is no longer in the story; select it again.';

/**
 * Adds a comment, or a reply to a thread, and tells everyone it mentions. A mention that would reach
 * nobody (an unknown name, a disabled account, someone who may not see the story) is refused rather
 * than silently dropped: the writer believes that person has been told. Answers with every thread.
 */
export function addComment(user: SessionUser, articleId: number, input: AddCommentInput, now = new Date()): CommentThread[] {
  assertCan(user, 'comment:create');
  return getDb().transaction(
    (tx) => {
      const article = findVisibleArticle(tx, user, articleId);
      const threadId = input.parentId === undefined ? null : openThreadOf(tx, articleId, input.parentId);
      if (input.anchor && !workingBodyText(tx, articleId).includes(input.anchor.quote)) {
        throw new AppError('INVALID', PASSAGE_GONE, { fields: { anchor: [PASSAGE_GONE] } });
      }
      const mentioned = mentionedPeople(tx, articleId, input.body);

      const { id } = tx
        .insert(comments)
        .values({
          articleId,
          parentId: threadId,
          revisionId: article.workingRevisionId,
          authorId: user.id,
          body: input.body,
          quote: input.anchor?.quote ?? null,
          quotePrefix: input.anchor?.prefix ?? null,
          quoteSuffix: input.anchor?.suffix ?? null,
          createdAt: now,
        })
        .returning({ id: comments.id })
        .get();
      for (const person of mentioned) {
        tx.insert(commentMentions).values({ commentId: id, userId: person.id }).run();
        notify(tx, { recipientId: person.id, kind: 'mentioned', articleId, actorId: user.id, commentId: id, quote: input.body }, now);
      }
      recordAudit(tx, {
        actorId: user.id,
        action: 'comment.add',
        targetType: 'comment',
        targetId: id,
        details: { articleId, threadId, mentioned: mentioned.map((person) => person.id) },
      });
      return unsafeListThreads(tx, articleId);
    },
    { behavior: 'immediate' },
  );
}

/** The thread a reply joins: the comment's own thread, on this article, while it is open. */
function openThreadOf(tx: Tx, articleId: number, commentId: number): number {
  const thread = findThreadOf(tx, articleId, commentId);
  if (!thread) throw new AppError('NOT_FOUND', 'The comment you are replying to is not on this story.');
  // Reopening is a step of its own, so a thread someone just resolved does not quietly come back.
  if (thread.resolvedAt) throw new AppError('CONFLICT', 'This thread has been resolved; reopen it to reply.');
  return thread.id;
}

/**
 * The people the body mentions, once each, or INVALID on the body field naming every mention that
 * would reach nobody. Two people with the same name are both mentioned: the comment cannot tell
 * them apart, and telling both beats telling the wrong one.
 */
function mentionedPeople(tx: Tx, articleId: number, body: string): { id: number; name: string }[] {
  if (!body.includes('@')) return [];
  const desk = tx
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .all();
  const scan = findMentions(body, desk.map((person) => person.name));
  const problems = scan.unknown.map((token) => `No one on the desk is called ${token}. Mention people by their full name.`);

  const mentioned = new Map<number, { id: number; name: string }>();
  for (const name of new Set(scan.mentions.map((mention) => mention.name))) {
    const namesakes = desk.filter((person) => person.name === name);
    const active = namesakes.filter((person) => person.disabledAt === null);
    if (active.length === 0) {
      problems.push(`${name}’s account is disabled; they would not see this.`);
      continue;
    }
    for (const person of active) {
      const maySee = tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.id, articleId), articlesVisibleTo(person)))
        .get();
      if (maySee) mentioned.set(person.id, { id: person.id, name: person.name });
      else problems.push(`${name} cannot see this story yet, so they would not see the comment.`);
    }
  }
  if (problems.length > 0) {
    const distinct = [...new Set(problems)];
    throw new AppError('INVALID', distinct.join(' '), { fields: { body: distinct } });
  }
  return [...mentioned.values()];
}
