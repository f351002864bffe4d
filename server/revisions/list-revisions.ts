import 'server-only';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { type Db, getDb } from '@/db/client';
import { revisionContributors, revisions, users } from '@/db/schema';
import { type HistoryEntry, type HistoryPage, revisionLabel } from '@/lib/revision-history';
import type { SessionUser } from '@/lib/session-user';
import { findVisibleArticle } from '@/server/articles/queries';

export const HISTORY_PAGE_SIZE = 30;
/** Revisions read per query while filling a page: a run of autosaves may take more than one read. */
const READ_CHUNK = 100;

/**
 * An article's history, newest first, for anyone who may see the article: one entry per revision,
 * except that one person's consecutive autosaves are one entry (the desk reads them as one sitting).
 * `before` continues below that revision number.
 */
export function listHistory(user: SessionUser, articleId: number, before?: number, pageSize = HISTORY_PAGE_SIZE): HistoryPage {
  const db = getDb();
  const article = findVisibleArticle(db, user, articleId);
  const entries: HistoryEntry[] = [];
  let below = before;
  let lastAuthorId: number | null = null;
  // One entry more than the page, so a run of autosaves is never cut at the page's end.
  while (entries.length <= pageSize) {
    const rows = db
      .select({
        id: revisions.id,
        number: revisions.number,
        kind: revisions.kind,
        authorId: revisions.authorId,
        authorName: users.name,
        createdAt: revisions.createdAt,
        changeNote: revisions.changeNote,
        publicNote: revisions.publicNote,
      })
      .from(revisions)
      .innerJoin(users, eq(users.id, revisions.authorId))
      .where(and(eq(revisions.articleId, articleId), below === undefined ? undefined : lt(revisions.number, below)))
      .orderBy(desc(revisions.number))
      .limit(READ_CHUNK)
      .all();
    const contributors = contributorsOf(db, rows.map((row) => row.id));
    for (const row of rows) {
      const last = entries.at(-1);
      const coAuthors = (contributors.get(row.id) ?? []).filter((contributor) => contributor.id !== row.authorId).map((contributor) => contributor.name);
      if (last && row.kind === 'autosave' && last.kind === 'autosave' && lastAuthorId === row.authorId) {
        last.firstNumber = row.number;
        last.firstCreatedAt = row.createdAt.toISOString();
        last.count += 1;
        last.coAuthorNames = [...new Set([...last.coAuthorNames, ...coAuthors])].sort((a, b) => a.localeCompare(b));
        continue;
      }
      if (entries.length > pageSize) break;
      entries.push({
        number: row.number,
        firstNumber: row.number,
        count: 1,
        kind: row.kind,
        label: revisionLabel(row.kind, row.changeNote),
        authorName: row.authorName,
        coAuthorNames: coAuthors.sort((a, b) => a.localeCompare(b)),
        createdAt: row.createdAt.toISOString(),
        firstCreatedAt: row.createdAt.toISOString(),
        changeNote: row.changeNote,
        publicNote: row.publicNote,
        live: row.id === article.liveRevisionId,
        working: row.id === article.workingRevisionId,
      });
      lastAuthorId = row.authorId;
    }
    if (rows.length < READ_CHUNK) break;
    below = rows.at(-1)?.number;
  }
  const page = entries.slice(0, pageSize);
  return { entries: page, nextCursor: entries.length > pageSize ? (page.at(-1)?.firstNumber ?? null) : null };
}

/** Who typed into each of these revisions through the shared document, by revision id. */
function contributorsOf(db: Db, revisionIds: number[]): Map<number, { id: number; name: string }[]> {
  const byRevision = new Map<number, { id: number; name: string }[]>();
  if (revisionIds.length === 0) return byRevision;
  const rows = db
    .select({ revisionId: revisionContributors.revisionId, id: users.id, name: users.name })
    .from(revisionContributors)
    .innerJoin(users, eq(users.id, revisionContributors.userId))
    .where(inArray(revisionContributors.revisionId, revisionIds))
    .all();
  for (const row of rows) {
    const list = byRevision.get(row.revisionId) ?? [];
    list.push({ id: row.id, name: row.name });
    byRevision.set(row.revisionId, list);
  }
  return byRevision;
}
