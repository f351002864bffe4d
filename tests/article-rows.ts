/** Direct reads and writes of article rows, for integration tests to set up and inspect state. */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions } from '@/db/schema';
import type { ArticleStatus } from '@/lib/domain-constants';

export function revisionsOf(articleId: number) {
  return getDb().select().from(revisions).where(eq(revisions.articleId, articleId)).orderBy(revisions.number).all();
}

export function articleRow(articleId: number) {
  return getDb().select().from(articles).where(eq(articles.id, articleId)).get();
}

/** Moves an article's status directly: the review and publish flows are not under test here. */
export function setStatus(articleId: number, status: ArticleStatus): void {
  getDb().update(articles).set({ status }).where(eq(articles.id, articleId)).run();
}
