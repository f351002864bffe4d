import 'server-only';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, comments, users } from '@/db/schema';
import type { ArticleAuditEntry } from '@/lib/article-audit';
import type { SessionUser } from '@/lib/session-user';
import { findVisibleArticle } from '@/server/articles/queries';

/** A story's life is long, but not this long; the page says when it shows only the latest. */
export const ARTICLE_AUDIT_LIMIT = 2_000;

/**
 * Everything that happened to one article, oldest first: its own entries and those of the comments
 * on it. Anyone who may see the article may see its trail, as they may see its history.
 */
export function listArticleAudit(user: SessionUser, articleId: number): { entries: ArticleAuditEntry[]; truncated: boolean } {
  const db = getDb();
  findVisibleArticle(db, user, articleId);
  const commentIds = db.select({ id: sql<string>`cast(${comments.id} as text)` }).from(comments).where(eq(comments.articleId, articleId));
  const rows = db
    .select({ id: auditLog.id, at: auditLog.at, actorName: users.name, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      or(
        and(eq(auditLog.targetType, 'article'), eq(auditLog.targetId, String(articleId))),
        and(eq(auditLog.targetType, 'comment'), inArray(auditLog.targetId, commentIds)),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(ARTICLE_AUDIT_LIMIT + 1)
    .all();
  const entries = rows
    .slice(0, ARTICLE_AUDIT_LIMIT)
    .reverse()
    .map((row) => ({ ...row, at: row.at.toISOString(), details: row.details ?? null }));
  return { entries, truncated: rows.length > ARTICLE_AUDIT_LIMIT };
}
