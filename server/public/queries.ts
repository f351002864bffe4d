import 'server-only';
import { and, asc, between, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { type Db, getDb, preparedQuery, qualified, type Tx } from '@/db/client';
import { articles, liveEntries, revisions, sections, slugRedirects } from '@/db/schema';
import type { BodyDoc } from '@/lib/article-body';
import { photoCardOf, photoUses } from '@/lib/photos/photo-use';
import { type PublicArticle, type PublicCorrection, type PublicPhoto, publicPhotoOf, type PublicTeaser } from '@/lib/public/public-article';
import { UNFILED } from '@/lib/filing';
import { isLive } from '@/server/articles/queries';
import { leadPhotoOf } from '@/server/articles/publish-blockers';
import { unsafeLoadFilings } from '@/server/filing/queries';
import { publicLiveCoverage, unsafeLoadStoryCoverage } from '@/server/live-coverage/queries';
import { loadPhotoViews } from '@/server/photos/queries';
import type { ListRef } from '@/lib/public/public-lists';
import { leavesNothing, redactText } from '@/lib/legal-removals/redact';
import { removalPatternsOf, withLegalRemovals } from '@/server/legal-removals/queries';
import { listedIds } from './list-membership';

/**
 * The public site's reads. No person is acting: they see only what is live, always the live
 * revision and never the desk's working copy, and every text with the story's legal removals
 * applied (`withLegalRemovals`) before anything renders it.
 */

/** What an address under /news/ is now: a live story, a withdrawn one, a former address, or nothing. */
export type PublicAddress =
  | { kind: 'live' }
  | { kind: 'withdrawn'; id: number; slug: string; headline: string; version: number; withdrawnAt: Date; historyShown: boolean }
  | { kind: 'moved'; id: number; slug: string }
  | { kind: 'unknown' };

/** Asked for every request to /news/… (by the proxy), so its statements are prepared once. */
const addressQueries = preparedQuery((db) => ({
  bySlug: db
    .select({
      id: articles.id,
      withdrawnAt: articles.withdrawnAt,
      liveRevisionId: articles.liveRevisionId,
      headline: revisions.headline,
      version: revisions.number,
    })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.liveRevisionId))
    .where(eq(articles.slug, sql.placeholder('slug')))
    .prepare(),
  // Only for a withdrawn story: whether legal removals left anything of it to offer the history of.
  withdrawnText: db
    .select({ standfirst: revisions.standfirst, bodyText: revisions.bodyText })
    .from(revisions)
    .where(eq(revisions.id, sql.placeholder('revisionId')))
    .prepare(),
  formerAddress: db
    .select({ id: articles.id, slug: articles.slug })
    .from(slugRedirects)
    .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
    .where(eq(slugRedirects.fromSlug, sql.placeholder('slug')))
    .prepare(),
}));

export function resolvePublicAddress(slug: string, db: Db = getDb()): PublicAddress {
  const queries = addressQueries(db);
  const article = queries.bySlug.get({ slug });
  if (article?.liveRevisionId != null) {
    if (article.withdrawnAt === null) return { kind: 'live' };
    const pattern = removalPatternsOf(db, [article.id]).get(article.id) ?? null;
    const text = queries.withdrawnText.get({ revisionId: article.liveRevisionId });
    return {
      kind: 'withdrawn',
      id: article.id,
      slug,
      headline: redactText(article.headline ?? '', pattern),
      version: article.version ?? 1,
      withdrawnAt: article.withdrawnAt,
      // Its history stays public, unless legal removals have taken away all the story said.
      historyShown: !leavesNothing([article.headline ?? '', text?.standfirst ?? '', text?.bodyText ?? ''], pattern),
    };
  }
  if (article) return { kind: 'unknown' };
  const moved = queries.formerAddress.get({ slug });
  return moved ? { kind: 'moved', id: moved.id, slug: moved.slug } : { kind: 'unknown' };
}

function selectLive(db: Db | Tx) {
  return selectStory(db, articles.liveRevisionId);
}

/** A story with the text of one of its revisions: the live one, or another for a preview. */
function selectStory(db: Db | Tx, revisionId: typeof articles.liveRevisionId | number) {
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      firstPublishedAt: articles.firstPublishedAt,
      updatedAt: articles.updatedAt,
      version: revisions.number,
      headline: revisions.headline,
      standfirst: revisions.standfirst,
      byline: revisions.byline,
      datelinePlace: revisions.datelinePlace,
      datelineSource: revisions.datelineSource,
      body: revisions.body,
      bodyText: revisions.bodyText,
      leadPhotoId: revisions.leadPhotoId,
      leadPhotoCaption: revisions.leadPhotoCaption,
      leadPhotoCredit: revisions.leadPhotoCredit,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, revisionId));
}

type LiveRow = NonNullable<ReturnType<ReturnType<typeof selectLive>['get']>>;

/**
 * Live rows as public articles. Photos and corrections are read for all the rows at once, two
 * queries whatever their number: the front page and the feeds read dozens of stories per request.
 */
function toPublicArticles(db: Db | Tx, rows: LiveRow[]): PublicArticle[] {
  const drafts = rows.map((row) => {
    const { leadPhotoId, leadPhotoCaption, leadPhotoCredit, firstPublishedAt, updatedAt, ...text } = row;
    // Bodies were checked against the schema when they were written.
    return { row, text, firstPublishedAt, updatedAt, leadPhoto: leadPhotoOf({ leadPhotoId, leadPhotoCaption, leadPhotoCredit }), body: row.body as BodyDoc };
  });
  const views = loadPhotoViews(
    db,
    drafts.flatMap((draft) => photoUses(draft).map((use) => use.photoId)),
  );
  const ids = rows.map((row) => row.id);
  const corrections = correctionsOf(db, ids);
  const filings = unsafeLoadFilings(db, ids);
  return drafts.map(({ row, text, firstPublishedAt, updatedAt, leadPhoto, body }) => {
    const photos: Record<number, PublicPhoto> = {};
    for (const use of photoUses({ leadPhoto, body })) {
      const view = views.get(use.photoId);
      if (!view) continue;
      photos[view.id] = publicPhotoOf(view);
    }
    return {
      ...text,
      body,
      leadPhoto,
      photos,
      // Live rows always have their first publish: it is set in the same write as the live revision.
      firstPublishedAt: (firstPublishedAt ?? new Date(0)).toISOString(),
      updatedAt: updatedAt?.toISOString() ?? null,
      corrections: corrections.get(row.id) ?? [],
      filing: filings.get(row.id) ?? UNFILED,
      live: null,
    };
  });
}

/** The corrections printed on these stories, oldest first. Every correction was live when made. */
function correctionsOf(db: Db | Tx, articleIds: number[]): Map<number, PublicCorrection[]> {
  const byArticle = new Map<number, PublicCorrection[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = db
    .select({ articleId: revisions.articleId, at: revisions.createdAt, note: revisions.publicNote })
    .from(revisions)
    // `+kind` keeps SQLite on the (article, number) index: by the kind index it would read every
    // correction in the archive (40 ms at 100,000 stories) to find the few on these stories.
    .where(and(inArray(revisions.articleId, articleIds), sql`+${revisions.kind} = 'correction'`, isNotNull(revisions.publicNote)))
    .orderBy(asc(revisions.articleId), asc(revisions.number))
    .all();
  for (const row of rows) {
    const list = byArticle.get(row.articleId) ?? [];
    list.push({ at: row.at.toISOString(), note: row.note ?? '' });
    byArticle.set(row.articleId, list);
  }
  return byArticle;
}

/**
 * The live story at this address, or undefined (never published, withdrawn, or no such story). A
 * live-format story comes with its coverage, read in the same transaction as the story: the event
 * id its readers' stream resumes after names exactly the key points, end and entries shown.
 */
export function findPublicArticle(slug: string): PublicArticle | undefined {
  return getDb().transaction((tx) => {
    const row = selectLive(tx)
      .where(and(eq(articles.slug, slug), isLive))
      .get();
    if (!row) return undefined;
    const article = toPublicArticles(tx, [row])[0]!;
    const coverage = unsafeLoadStoryCoverage(tx, row.id)!;
    const story = coverage.format === 'live' ? { ...article, live: publicLiveCoverage({ ...coverage, id: row.id, firstPublishedAt: row.firstPublishedAt }, tx) } : article;
    return withLegalRemovals(tx, [story], (shown) => shown.id)[0];
  });
}

/**
 * A revision of a story as its public page would show it, for a preview link (docs/decisions/027),
 * with the story's legal removals applied as they would be. A story never published shows the
 * moment of the preview as its publication time, as publishing it now would.
 */
export function unsafePreviewStory(tx: Tx, articleId: number, revisionId: number, now: Date): PublicArticle | undefined {
  const row = selectStory(tx, revisionId)
    .where(and(eq(articles.id, articleId), eq(revisions.articleId, articleId)))
    .get();
  if (!row) return undefined;
  const article = { ...toPublicArticles(tx, [row])[0]!, firstPublishedAt: (row.firstPublishedAt ?? now).toISOString() };
  return withLegalRemovals(tx, [article], (shown) => shown.id)[0];
}

/** How many stories the front page lists, and each feed. */
export const FRONT_PAGE_SIZE = 30;
export const FEED_SIZE = 50;

export const newestFirst = [desc(articles.firstPublishedAt), desc(articles.id)] as const;

/**
 * The newest stories first, by first publish: an update does not push a story back to the top.
 * All of them, or those of one section, tag or author.
 */
export function latestPublicArticles(limit: number, list?: ListRef): PublicArticle[] {
  const db = getDb();
  const rows = selectLive(db)
    .where(list ? inArray(articles.id, listedIds(db, list, limit)) : isLive)
    .orderBy(...newestFirst)
    .limit(limit)
    .all();
  return withLegalRemovals(db, toPublicArticles(db, rows), (article) => article.id);
}

/** What a list shows of a story: no body, and of the photos only the lead one. */
export const teaserColumns = {
  id: articles.id,
  slug: articles.slug,
  firstPublishedAt: articles.firstPublishedAt,
  updatedAt: articles.updatedAt,
  headline: revisions.headline,
  standfirst: revisions.standfirst,
  leadPhotoId: revisions.leadPhotoId,
  leadPhotoCaption: revisions.leadPhotoCaption,
  leadPhotoCredit: revisions.leadPhotoCredit,
  coveredLive: sql<number>`(${articles.format} = 'live' and ${articles.coverageEndedAt} is null)`,
};

/** Asked for every render of the front page, and again by the proxy for its keys. */
const teaserQueries = preparedQuery((db) => ({
  latest: db
    .select(teaserColumns)
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.liveRevisionId))
    .where(isLive)
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .prepare(),
  // Read down the (section, first publish) index: a few steps per section however large the archive.
  inSection: db
    .select(teaserColumns)
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.liveRevisionId))
    .where(and(eq(articles.sectionId, sql.placeholder('sectionId')), isLive))
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .prepare(),
  sections: db
    .select({ id: sections.id, name: sections.name, slug: sections.slug })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name))
    .prepare(),
}));

export type TeaserRow = ReturnType<ReturnType<typeof teaserQueries>['latest']['all']>[number];

/** Rows as teasers, the lead photos of all of them read at once. */
export function toTeasers(db: Db, rows: readonly TeaserRow[]): PublicTeaser[] {
  const views = loadPhotoViews(
    db,
    rows.flatMap((row) => (row.leadPhotoId === null ? [] : [row.leadPhotoId])),
  );
  const teasers = rows.map((row) => {
    const leadPhoto = leadPhotoOf(row);
    const view = leadPhoto ? views.get(leadPhoto.photoId) : undefined;
    return {
      id: row.id,
      slug: row.slug,
      headline: row.headline,
      standfirst: row.standfirst,
      leadPhoto,
      photos: view ? { [view.id]: photoCardOf(view) } : {},
      firstPublishedAt: (row.firstPublishedAt ?? new Date(0)).toISOString(),
      updatedAt: row.updatedAt?.toISOString() ?? null,
      coveredLive: row.coveredLive === 1,
    };
  });
  return withLegalRemovals(db, teasers, (teaser) => teaser.id);
}

/**
 * The newest stories as the front page lists them: no body, and of the photos only the lead one.
 * The list shows neither, and each miss of the front page reads it twice (the page and its keys).
 */
export function latestPublicTeasers(limit: number): PublicTeaser[] {
  const db = getDb();
  return toTeasers(db, teaserQueries(db).latest.all({ limit }));
}

/** How many stories the front page shows under each section's heading. */
export const FRONT_SECTION_SIZE = 4;

export type SectionTeasers = { section: { id: number; name: string; slug: string }; articles: PublicTeaser[] };

/**
 * The front page's sections, in the desk's order, each with its newest stories; a section with
 * none is left out. One indexed read per section, and the lead photos of all at once.
 */
export function frontPageSections(perSection = FRONT_SECTION_SIZE): SectionTeasers[] {
  const db = getDb();
  const queries = teaserQueries(db);
  const groups = queries.sections
    .all()
    .map((section) => ({ section, rows: queries.inSection.all({ sectionId: section.id, limit: perSection }) }))
    .filter((group) => group.rows.length > 0);
  const teasers = toTeasers(
    db,
    groups.flatMap((group) => group.rows),
  );
  let next = 0;
  return groups.map(({ section, rows }) => ({ section, articles: teasers.slice(next, (next += rows.length)) }));
}

export type PublicHeadline = Pick<PublicArticle, 'id' | 'slug' | 'headline' | 'firstPublishedAt'>;

/**
 * The stories first published since `since`, newest first, with only what the news sitemap names:
 * a busy two days is a thousand stories, and their bodies, photos and corrections are not needed.
 */
export function latestPublicHeadlines(limit: number, since: Date): PublicHeadline[] {
  const db = getDb();
  const headlines = db
    .select({ id: articles.id, slug: articles.slug, headline: revisions.headline, firstPublishedAt: articles.firstPublishedAt })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.liveRevisionId))
    .where(and(isLive, gte(articles.firstPublishedAt, since)))
    .orderBy(...newestFirst)
    .limit(limit)
    .all()
    .map((row) => ({ ...row, firstPublishedAt: (row.firstPublishedAt ?? new Date(0)).toISOString() }));
  return withLegalRemovals(db, headlines, (headline) => headline.id);
}

const liveRevision = alias(revisions, 'live_revision');

/**
 * lastModified (lib/public/public-article.ts) in SQL: the "Updated" stamp, else the first publish;
 * for a live story, its newest shown entry or entry edit when that is later. The entries are read
 * by their index only for live stories, so an archive of ordinary ones pays nothing for it.
 */
const ownLastModifiedAt = sql<number>`coalesce(${articles.updatedAt}, ${articles.firstPublishedAt})`;
// Named with their tables: the subquery is correlated, and Drizzle leaves columns bare in a one-table select.
const [entry, story] = [qualified(liveEntries), qualified(articles)];
const newestShownEntryAt = sql<number | null>`(select max(coalesce(${entry.updatedAt}, ${entry.postedAt})) from ${liveEntries}
  where ${entry.articleId} = ${story.id} and ${entry.removedAt} is null)`;
const lastModifiedAt = sql<number>`case when ${articles.format} = 'live'
  then max(${ownLastModifiedAt}, coalesce(${newestShownEntryAt}, 0)) else ${ownLastModifiedAt} end`;

/**
 * The live stories with an id from `firstId` to `lastId`, in id order: their addresses and when
 * each last changed, no text. One sitemap's worth, read by a range of the primary key however
 * large the archive.
 */
export function listPublicAddressesByIds(firstId: number, lastId: number): { slug: string; lastModified: string }[] {
  return getDb()
    .select({ slug: articles.slug, lastModified: lastModifiedAt })
    .from(articles)
    .where(and(between(articles.id, firstId, lastId), isLive))
    .orderBy(asc(articles.id))
    .all()
    .map((row) => ({ slug: row.slug, lastModified: new Date(row.lastModified).toISOString() }));
}

/**
 * Each block of `blockSize` ids (block n holds ids (n−1)·blockSize … n·blockSize − 1) that has a live
 * story in it, with the newest change to any of them. One pass over the articles table (about 60 ms
 * at 120,000 stories; a covering index would save half of that, not worth a migration).
 */
export function listLiveIdBlocks(blockSize: number): { number: number; lastModified: string }[] {
  // better-sqlite3 binds a JavaScript number as a REAL, which would make this a fractional division.
  const block = sql<number>`${articles.id} / cast(${blockSize} as integer) + 1`;
  return getDb()
    .select({ number: block, lastModified: sql<number>`max(${lastModifiedAt})` })
    .from(articles)
    .where(isLive)
    .groupBy(block)
    .orderBy(block)
    .all()
    .map((row) => ({ number: row.number, lastModified: new Date(row.lastModified).toISOString() }));
}

export type PublicCorrectionListing = { articleId: number; slug: string; headline: string; at: string; note: string };

/** Every correction printed on a live story, newest first, for the corrections page. */
export function listPublicCorrections(limit = 200): PublicCorrectionListing[] {
  const db = getDb();
  const listings = db
    .select({ articleId: articles.id, slug: articles.slug, headline: liveRevision.headline, at: revisions.createdAt, note: revisions.publicNote })
    .from(revisions)
    .innerJoin(articles, eq(articles.id, revisions.articleId))
    .innerJoin(liveRevision, eq(liveRevision.id, articles.liveRevisionId))
    .where(and(eq(revisions.kind, 'correction'), isNotNull(revisions.publicNote), isLive))
    .orderBy(desc(revisions.createdAt), desc(revisions.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, at: row.at.toISOString(), note: row.note ?? '' }));
  return withLegalRemovals(db, listings, (listing) => listing.articleId);
}
