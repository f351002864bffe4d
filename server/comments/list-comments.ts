import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type Db, getDb, type Tx } from '@/db/client';
import { articles, commentMentions, comments, revisions, users } from '@/db/schema';
import type { CommentMention, CommentThread, CommentView } from '@/lib/comment-view';
import { locateQuote } from '@/lib/comments/text-anchor';
import type { SessionUser } from '@/lib/session-user';
import { findVisibleArticle } from '@/server/articles/queries';

const resolver = alias(users, 'resolver');
const thread = alias(comments, 'thread');

/**
 * An article's comment threads, for anyone who may see the article: open threads first, then the
 * resolved ones, each group oldest first, replies oldest first. The desk works through what is
 * open; resolved threads are the record. Ordering by when a thread was started (not by its last
 * activity) keeps each thread in its place, so a reopened thread returns where it was.
 */
export function listComments(user: SessionUser, articleId: number): CommentThread[] {
  return getDb().transaction((tx) => {
    findVisibleArticle(tx, user, articleId);
    return unsafeListThreads(tx, articleId);
  });
}

/** The threads with no permission check: for callers that checked the article first. */
export function unsafeListThreads(db: Db | Tx, articleId: number): CommentThread[] {
  const rows = db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorName: users.name,
      body: comments.body,
      createdAt: comments.createdAt,
      quote: comments.quote,
      quotePrefix: comments.quotePrefix,
      quoteSuffix: comments.quoteSuffix,
      resolvedAt: comments.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(resolver, eq(resolver.id, comments.resolvedBy))
    .where(eq(comments.articleId, articleId))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  if (rows.length === 0) return [];

  const mentions = mentionsOnArticle(db, articleId);
  const view = (row: (typeof rows)[number]): CommentView => ({
    id: row.id,
    authorName: row.authorName,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    mentions: mentions.get(row.id) ?? [],
  });

  const bodyText = workingBodyText(db, articleId);
  const threads = new Map<number, CommentThread>();
  for (const row of rows) {
    if (row.parentId !== null) continue;
    threads.set(row.id, {
      ...view(row),
      anchor:
        row.quote === null
          ? null
          : {
              quote: row.quote,
              state: locateQuote(bodyText, { quote: row.quote, prefix: row.quotePrefix ?? '', suffix: row.quoteSuffix ?? '' }) ? 'found' : 'deleted',
            },
      resolved: row.resolvedAt && row.resolvedByName ? { byName: row.resolvedByName, at: row.resolvedAt.toISOString() } : null,
      replies: [],
    });
  }
  for (const row of rows) if (row.parentId !== null) threads.get(row.parentId)?.replies.push(view(row));

  // The sort is stable: each group keeps the oldest-first order of the query.
  return [...threads.values()].sort((a, b) => Number(a.resolved !== null) - Number(b.resolved !== null));
}

/** The plain text of the article's working copy: what passages are looked for in. */
export function workingBodyText(db: Db | Tx, articleId: number): string {
  const row = db
    .select({ bodyText: revisions.bodyText })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(eq(articles.id, articleId))
    .get();
  return row?.bodyText ?? '';
}

/** The thread a comment on this article belongs to (the comment itself if it starts one); undefined if it is not on this article. */
export function findThreadOf(db: Db | Tx, articleId: number, commentId: number): { id: number; resolvedAt: Date | null } | undefined {
  return db
    .select({ id: thread.id, resolvedAt: thread.resolvedAt })
    .from(comments)
    .innerJoin(thread, eq(thread.id, sql`coalesce(${comments.parentId}, ${comments.id})`))
    .where(and(eq(comments.id, commentId), eq(comments.articleId, articleId)))
    .get();
}

function mentionsOnArticle(db: Db | Tx, articleId: number): Map<number, CommentMention[]> {
  const rows = db
    .select({ commentId: commentMentions.commentId, userId: users.id, name: users.name })
    .from(commentMentions)
    .innerJoin(comments, eq(comments.id, commentMentions.commentId))
    .innerJoin(users, eq(users.id, commentMentions.userId))
    .where(eq(comments.articleId, articleId))
    .orderBy(asc(users.name))
    .all();
  const byComment = new Map<number, CommentMention[]>();
  for (const { commentId, userId, name } of rows) {
    const list = byComment.get(commentId) ?? [];
    list.push({ userId, name });
    byComment.set(commentId, list);
  }
  return byComment;
}
