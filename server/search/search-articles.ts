import 'server-only';
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions, sections, users } from '@/db/schema';
import type { DeskArticle } from '@/lib/article-view';
import { ftsSearch } from '@/lib/search/fts-query';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '@/lib/search/highlight';
import type { SessionUser } from '@/lib/session-user';
import type { ArticleSearchQuery, SearchSort } from '@/lib/validation/article-search';
import { startOfDayInZone } from '@/lib/zoned-time';
import { articlesVisibleTo, isLive } from '@/server/articles/queries';
import { env } from '@/server/env';
import { decodeCursor, decodeRankCursor, encodeCursor, encodeRankCursor } from '@/server/pagination/cursor';

export const DESK_PAGE_SIZE = 25;

/**
 * Relevance ranks the newest this many matches (by article id, i.e. when the story was started),
 * not every match. Ranking every match of a word found in most stories made FTS5 score them all:
 * 80 ms at 100,000 articles, against 4 ms for the newest 2,000. A newsroom wants recent stories
 * first among equally good matches, and a search with more matches than this is one to narrow.
 * Counts stop here too, for the same reason: "More than 2,000 articles".
 */
export const RANKED_MATCHES = 2000;

/**
 * A search matching at least this many stories is common. In a time order its matches are found by
 * walking the stories newest first and asking the index about each (a common word is met at once:
 * 1 ms), not by reading all its matches first and sorting (50 ms for a word in every story of
 * 100,000); a rare word is the other way round.
 */
export const COMMON_MATCHES = 5000;

function isCommon(match: string, common: number): boolean {
  const probe = getDb().get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM article_search WHERE article_search MATCH ${match} LIMIT ${common})`);
  return (probe?.n ?? 0) >= common;
}

/** bm25 weights, in the index's column order: headline, standfirst, body, photos, byline, dateline. */
const BM25 = sql.raw('bm25(article_search, 10, 5, 1, 2, 2, 1)');
const SNIPPET_TOKENS = 16;

export type ArticleSearchPage = {
  items: DeskArticle[];
  nextCursor: string | null;
  /** The order used: relevance needs words to rank by, so without them it is the last edit. */
  sort: SearchSort;
  /** How many articles match, counted up to RANKED_MATCHES. */
  total: { count: number; more: boolean };
};

type Hit = { id: number; score: number; at: number | null };

/** The filters beside the search box, as conditions on `articles`, within what the person may see. */
function filtersOf(user: SessionUser, query: ArticleSearchQuery): SQL | undefined {
  const timeZone = env().NEWSROOM_TIMEZONE;
  const dated = query.dates === 'updated' ? articles.lastEditedAt : articles.firstPublishedAt;
  const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return and(
    articlesVisibleTo(user),
    query.status ? eq(articles.status, query.status) : undefined,
    query.section ? sql`${articles.sectionId} = (SELECT id FROM sections WHERE slug = ${query.section})` : undefined,
    query.tag
      ? sql`${articles.id} IN (SELECT article_id FROM article_tags WHERE tag_id = (SELECT id FROM tags WHERE slug = ${query.tag}))`
      : undefined,
    query.author
      ? sql`${articles.id} IN (SELECT article_id FROM article_authors WHERE author_id = (SELECT id FROM authors WHERE slug = ${query.author}))`
      : undefined,
    // Days are the newsroom's: "published on 3 March" means its midnight to midnight, not UTC's.
    query.from ? sql`${dated} >= ${startOfDayInZone(query.from, timeZone).getTime()}` : undefined,
    query.to ? sql`${dated} < ${startOfDayInZone(dayAfter(query.to), timeZone).getTime()}` : undefined,
    query.corrected ? sql`EXISTS (SELECT 1 FROM revisions c WHERE c.article_id = ${articles.id} AND c.kind = 'correction')` : undefined,
    query.uncredited ? sql`${articles.uncreditedPhotos} > 0` : undefined,
  );
}

/** The column a time order reads, and the keyset condition that continues after the cursor. */
function timeOrder(sort: 'updated' | 'published', cursor: string | undefined) {
  const column = sort === 'updated' ? articles.lastEditedAt : articles.firstPublishedAt;
  const after = cursor ? decodeCursor(cursor) : undefined;
  // Never-published stories come last in the published order; their cursor time is 0.
  const continuing = !after
    ? undefined
    : after.at === 0
      ? and(isNull(column), lt(articles.id, after.id))
      : or(sql`${column} < ${after.at}`, and(sql`${column} = ${after.at}`, lt(articles.id, after.id)), isNull(column));
  return { column, continuing };
}

/**
 * The desk's search: visible articles matching the words and filters, a page at a time. Takes the
 * query as parsed from the URL; the bench calls it directly.
 */
export function searchArticles(user: SessionUser, query: ArticleSearchQuery, pageSize = DESK_PAGE_SIZE, commonMatches = COMMON_MATCHES): ArticleSearchPage {
  const db = getDb();
  const search = query.q ? ftsSearch(query.q, { prefix: 'last' }) : null;
  const sort: SearchSort = search?.match ? (query.sort ?? 'relevance') : query.sort && query.sort !== 'relevance' ? query.sort : 'updated';
  const filters = and(
    filtersOf(user, query),
    search?.exclude ? sql`${articles.id} NOT IN (SELECT rowid FROM article_search WHERE article_search MATCH ${search.exclude})` : undefined,
  );

  let hits: Hit[];
  let total: number;
  if (sort === 'relevance' && search?.match) {
    const after = query.cursor ? decodeRankCursor(query.cursor) : undefined;
    hits = db.all<Hit & { total: number }>(sql`
      SELECT id, score, NULL AS at, total FROM (
        SELECT id, score, count(*) OVER () AS total FROM (
          SELECT article_search.rowid AS id, ${BM25} AS score
          FROM article_search JOIN ${articles} ON ${articles.id} = article_search.rowid
          WHERE article_search MATCH ${search.match} AND ${filters ?? sql`1`}
          ORDER BY article_search.rowid DESC LIMIT ${RANKED_MATCHES + 1}
        )
      )
      WHERE ${after ? sql`score > ${after.score} OR (score = ${after.score} AND id < ${after.id})` : sql`1`}
      ORDER BY score, id DESC LIMIT ${pageSize + 1}`);
    total = (hits[0] as { total: number } | undefined)?.total ?? 0;
  } else {
    const { column, continuing } = timeOrder(sort === 'published' ? 'published' : 'updated', query.cursor);
    const common = search?.match ? isCommon(search.match, commonMatches) : false;
    const matching = !search?.match
      ? undefined
      : common
        ? sql`EXISTS (SELECT 1 FROM article_search WHERE article_search MATCH ${search.match} AND rowid = ${articles.id})`
        : sql`${articles.id} IN (SELECT rowid FROM article_search WHERE article_search MATCH ${search.match})`;
    const where = and(filters, matching);
    hits = db
      .select({ id: articles.id, score: sql<number>`0`, at: sql<number | null>`${column}` })
      .from(articles)
      .where(and(where, continuing))
      .orderBy(sql`${column} DESC`, desc(articles.id))
      .limit(pageSize + 1)
      .all();
    // Counting a common word's matches one by one would cost what the page saved: the set is read at once.
    const counted = common ? and(filters, sql`${articles.id} IN (SELECT rowid FROM article_search WHERE article_search MATCH ${search!.match})`) : where;
    total = db.get<{ total: number }>(
      sql`SELECT count(*) AS total FROM (SELECT 1 FROM ${articles} WHERE ${counted ?? sql`1`} LIMIT ${RANKED_MATCHES + 1})`,
    )!.total;
  }

  const page = hits.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor =
    hits.length > pageSize && last
      ? sort === 'relevance'
        ? encodeRankCursor({ score: last.score, id: last.id })
        : encodeCursor({ at: last.at ?? 0, id: last.id })
      : null;
  return {
    items: deskRows(page.map((hit) => hit.id), search?.match),
    nextCursor,
    sort,
    total: { count: Math.min(total, RANKED_MATCHES), more: total > RANKED_MATCHES },
  };
}

/** The desk's lines for these ids, in this order, with the matched words marked when there was a search. */
function deskRows(ids: number[], match: string | undefined): DeskArticle[] {
  if (ids.length === 0) return [];
  const db = getDb();
  const rows = db
    .select({
      id: articles.id,
      headline: revisions.headline,
      status: articles.status,
      live: isLive,
      scheduledFor: articles.scheduledFor,
      scheduleFailure: articles.scheduleFailure,
      ownerName: users.name,
      creditedNames: sql<string | null>`(SELECT group_concat(name, ', ') FROM (
        SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
        WHERE aa.article_id = ${articles.id} ORDER BY aa.position))`,
      sectionName: sections.name,
      lastEditedAt: articles.lastEditedAt,
      firstPublishedAt: articles.firstPublishedAt,
    })
    .from(articles)
    .innerJoin(users, eq(users.id, articles.authorId))
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids))
    .all();
  const marksById = match ? marksOf(match, ids) : new Map<number, Marks>();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { ownerName, creditedNames, ...fields } = row;
    return [
      {
        ...fields,
        live: Boolean(row.live),
        authorName: creditedNames ?? ownerName,
        scheduledFor: row.scheduledFor?.toISOString() ?? null,
        lastEditedAt: row.lastEditedAt.toISOString(),
        firstPublishedAt: row.firstPublishedAt?.toISOString() ?? null,
        match: marksById.get(id) ?? null,
      },
    ];
  });
}

type Marks = { headline: string; snippet: string };

const MARKS = sql`highlight(article_search, 0, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}) AS headline,
  snippet(article_search, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', ${SNIPPET_TOKENS}) AS snippet`;

/**
 * Each story's headline and best passage with the matched words marked. FTS5 seeks straight to a
 * rowid given with `=`, so for plain words and phrases one small query per story is cheapest (and
 * with `rowid IN (…)` it would walk every match of the words instead). A prefix is different:
 * every query with one first gathers all the words it could complete to (10 ms for a word in every
 * story), so a prefix search asks once for the stretch of ids the page spans and keeps the
 * page's own (`+rowid` stops FTS5 taking the list as 25 separate lookups, each gathering again).
 */
function marksOf(match: string, ids: number[]): Map<number, Marks> {
  const db = getDb();
  if (!match.includes('"*')) {
    return new Map(ids.flatMap((id) => {
      const marks = db.get<Marks>(sql`SELECT ${MARKS} FROM article_search WHERE article_search MATCH ${match} AND rowid = ${id}`);
      return marks ? [[id, marks] as const] : [];
    }));
  }
  const rows = db.all<Marks & { id: number }>(sql`
    SELECT rowid AS id, ${MARKS} FROM article_search
    WHERE article_search MATCH ${match} AND rowid BETWEEN ${Math.min(...ids)} AND ${Math.max(...ids)}
      AND +rowid IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(rows.map(({ id, ...marks }) => [id, marks]));
}
