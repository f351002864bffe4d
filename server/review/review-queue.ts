import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db, type Tx } from '@/db/client';
import { articles, revisions, sections, users } from '@/db/schema';
import { countWords } from '@/lib/editor/body-text';
import type { ReviewQueueItem } from '@/lib/review-queue';
import type { SessionUser } from '@/lib/session-user';
import { assertCan } from '@/server/policy';

/** More than a desk can work through at once; the rest wait for the next load, oldest first. */
export const REVIEW_QUEUE_LIMIT = 200;

const claimant = alias(users, 'claimant');

/** When the story last went into review: its newest submit. */
const submittedAt = sql<number>`(select max(${revisions.createdAt}) from ${revisions} where ${revisions.articleId} = ${articles.id} and ${revisions.kind} = 'submit')`;

/** The stories in review, oldest submission first: the copy desk works the queue from the top. */
export function listReviewQueue(user: SessionUser, db: Db | Tx = getDb()): ReviewQueueItem[] {
  assertCan(user, 'article:review');
  return db
    .select({
      id: articles.id,
      version: articles.version,
      headline: revisions.headline,
      writerName: users.name,
      section: sections.name,
      bodyText: revisions.bodyText,
      submittedAt,
      lastEditedAt: articles.lastEditedAt,
      claimedBy: articles.claimedBy,
      claimedByName: claimant.name,
      claimedAt: articles.claimedAt,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .leftJoin(claimant, eq(claimant.id, articles.claimedBy))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.status, 'in_review'))
    .orderBy(asc(submittedAt), asc(articles.id))
    .limit(REVIEW_QUEUE_LIMIT)
    .all()
    .map((row) => ({
      id: row.id,
      version: row.version,
      headline: row.headline,
      writerName: row.writerName,
      section: row.section ?? '',
      words: countWords(row.bodyText),
      // A story put in review before submissions were revisions of their own has only its last edit.
      submittedAt: new Date(row.submittedAt ?? row.lastEditedAt.getTime()).toISOString(),
      claim:
        row.claimedBy !== null && row.claimedByName !== null && row.claimedAt !== null
          ? { byId: row.claimedBy, byName: row.claimedByName, at: row.claimedAt.toISOString() }
          : null,
    }));
}
