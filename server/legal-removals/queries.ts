import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db/client';
import { legalRemovals, users } from '@/db/schema';
import { redactPublished, removalPattern } from '@/lib/legal-removals/redact';
import type { SessionUser } from '@/lib/session-user';
import { findVisibleArticle } from '@/server/articles/queries';

/** Each story's removals as one pattern; a story without any is absent. One query for all the stories. */
export function removalPatternsOf(db: Db | Tx, articleIds: readonly number[]): Map<number, RegExp> {
  const patterns = new Map<number, RegExp>();
  if (articleIds.length === 0) return patterns;
  const rows = db
    .select({ articleId: legalRemovals.articleId, text: legalRemovals.text })
    .from(legalRemovals)
    .where(inArray(legalRemovals.articleId, [...new Set(articleIds)]))
    .all();
  const texts = new Map<number, string[]>();
  for (const row of rows) texts.set(row.articleId, [...(texts.get(row.articleId) ?? []), row.text]);
  for (const [articleId, removed] of texts) {
    const pattern = removalPattern(removed);
    if (pattern) patterns.set(articleId, pattern);
  }
  return patterns;
}

/**
 * The one way published text leaves the public site: every story's text with its legal removals
 * applied. Each public query hands its stories (whole, as teasers, as headlines, as versions)
 * through here before anything renders them, so no page, feed, JSON or sitemap can print a removed
 * word by forgetting to.
 */
export function withLegalRemovals<T>(db: Db | Tx, stories: readonly T[], articleIdOf: (story: T) => number): T[] {
  const patterns = removalPatternsOf(db, stories.map(articleIdOf));
  if (patterns.size === 0) return [...stories];
  return stories.map((story) => redactPublished(story, patterns.get(articleIdOf(story)) ?? null));
}

export type LegalRemovalView = { id: number; text: string; removedByName: string; at: string };

/** A story's removals for the desk, oldest first; the reasons stay in the audit log. */
export function listLegalRemovals(user: SessionUser, articleId: number): LegalRemovalView[] {
  const db = getDb();
  findVisibleArticle(db, user, articleId);
  return db
    .select({ id: legalRemovals.id, text: legalRemovals.text, removedByName: users.name, at: legalRemovals.createdAt })
    .from(legalRemovals)
    .innerJoin(users, eq(users.id, legalRemovals.removedBy))
    .where(eq(legalRemovals.articleId, articleId))
    .orderBy(asc(legalRemovals.id))
    .all()
    .map((row) => ({ ...row, at: row.at.toISOString() }));
}

