import 'server-only';
import { and, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db/client';
import { articles, articleWireItems, revisions, wireItems, wireItemVersions, wireSources } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { ftsSearch } from '@/lib/search/fts-query';
import type { SessionUser } from '@/lib/session-user';
import type { WireItem, WirePhotoOutcome } from '@/lib/wire/wire-item';
import { type ArticleWireState, type WireItemView, type WireQueueRow, type WireVersionView, wireText } from '@/lib/wire/wire-view';
import { assertCan } from '@/server/policy';

/** Items imported from the shell have no source: the queue names them so. */
export const SHELL_SOURCE = 'Imported file';

const QUEUE_LIMIT = 100;

/**
 * The Wire queue, newest first; with a search, the items whose headline, slugline, subjects, byline,
 * place or body hold the words, read as the desk's search reads them (FTS5, each word a prefix,
 * `"phrases"` and `-left-out` words understood; lib/search/fts-query.ts).
 */
export function listWireQueue(user: SessionUser, search: string): WireQueueRow[] {
  assertCan(user, 'wire:read');
  const words = ftsSearch(search, { prefix: 'every' });
  return wireRows(
    getDb(),
    and(
      words?.match !== undefined ? sql`${wireItems.id} IN (SELECT rowid FROM wire_items_fts WHERE wire_items_fts MATCH ${words.match})` : undefined,
      words?.exclude !== undefined ? sql`${wireItems.id} NOT IN (SELECT rowid FROM wire_items_fts WHERE wire_items_fts MATCH ${words.exclude})` : undefined,
    ),
    QUEUE_LIMIT,
  );
}

function wireRows(db: Db | Tx, where: SQL | undefined, limit: number): (WireQueueRow & { guid: string })[] {
  return db
    .select({
      id: wireItems.id,
      guid: wireItems.guid,
      sourceName: wireSources.name,
      provider: wireItems.provider,
      receivedAt: wireItems.receivedAt,
      headline: wireItems.headline,
      slugline: wireItems.slugline,
      subjects: wireItems.subjects,
      pubStatus: wireItems.pubStatus,
      embargoedUntil: wireItems.embargoedUntil,
      version: wireItems.version,
      kind: wireItems.kind,
    })
    .from(wireItems)
    .leftJoin(wireSources, eq(wireSources.id, wireItems.sourceId))
    .where(where)
    .orderBy(desc(wireItems.receivedAt), desc(wireItems.id))
    .limit(limit)
    .all()
    .map((row) => ({
      ...row,
      sourceName: row.sourceName ?? SHELL_SOURCE,
      receivedAt: row.receivedAt.toISOString(),
      embargoedUntil: row.embargoedUntil?.toISOString() ?? null,
    }));
}



export const WIRE_ITEM_NOT_FOUND = 'There is no such item on the wire.';

export function getWireItem(user: SessionUser, id: number): WireItemView {
  assertCan(user, 'wire:read');
  const db = getDb();
  const [row] = wireRows(db, eq(wireItems.id, id), 1);
  if (!row) throw new AppError('NOT_FOUND', WIRE_ITEM_NOT_FOUND);
  return {
    ...row,
    versions: wireVersions(db, id),
    drafts: db
      .select({ articleId: articleWireItems.articleId, headline: revisions.headline, takenVersion: articleWireItems.takenVersion })
      .from(articleWireItems)
      .innerJoin(articles, eq(articles.id, articleWireItems.articleId))
      .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
      .where(eq(articleWireItems.wireItemId, id))
      .orderBy(articleWireItems.articleId)
      .all(),
  };
}

/** Every version of an item, newest first, as stored when it arrived. */
export function wireVersions(db: Db | Tx, wireItemId: number): WireVersionView[] {
  return versionRows(db, eq(wireItemVersions.wireItemId, wireItemId));
}

/** One stored version. */
export function wireVersion(db: Db | Tx, wireItemId: number, version: number): WireVersionView | undefined {
  return versionRows(db, and(eq(wireItemVersions.wireItemId, wireItemId), eq(wireItemVersions.version, version)))[0];
}

function versionRows(db: Db | Tx, where: SQL | undefined): WireVersionView[] {
  return (
    db
      .select({ version: wireItemVersions.version, receivedAt: wireItemVersions.receivedAt, item: wireItemVersions.item, photos: wireItemVersions.photos })
      .from(wireItemVersions)
      .where(where)
      .orderBy(desc(wireItemVersions.version))
      .all()
      // Each item was checked against WireItem when it arrived.
      .map((row) => ({ version: row.version, receivedAt: row.receivedAt.toISOString(), item: row.item as WireItem, photos: row.photos as WirePhotoOutcome[] }))
  );
}

/** The newest version of the item a package names, when it is on the wire. */
export function wireItemByGuid(db: Db | Tx, guid: string): { id: number; version: number } | undefined {
  return db.select({ id: wireItems.id, version: wireItems.version }).from(wireItems).where(eq(wireItems.guid, guid)).get();
}


/** The wire item an article was made from, as the editor and the publish checks need it; null for a story written here. */
export function articleWireState(db: Db | Tx, articleId: number): ArticleWireState | null {
  const link = db
    .select({
      wireItemId: articleWireItems.wireItemId,
      takenVersion: articleWireItems.takenVersion,
      guid: wireItems.guid,
      provider: wireItems.provider,
      latestVersion: wireItems.version,
      pubStatus: wireItems.pubStatus,
      embargoedUntil: wireItems.embargoedUntil,
    })
    .from(articleWireItems)
    .innerJoin(wireItems, eq(wireItems.id, articleWireItems.wireItemId))
    .where(eq(articleWireItems.articleId, articleId))
    .get();
  if (!link) return null;
  const taken = wireVersion(db, link.wireItemId, link.takenVersion);
  const latest = link.latestVersion > link.takenVersion ? wireVersion(db, link.wireItemId, link.latestVersion) : undefined;
  return {
    ...link,
    embargoedUntil: link.embargoedUntil?.toISOString() ?? null,
    copyrightNotice: taken?.item.copyrightNotice ?? '',
    usageTerms: taken?.item.usageTerms ?? '',
    photos: taken?.photos ?? [],
    newer:
      latest && taken
        ? { version: latest.version, signals: latest.item.signals, before: wireText(taken.item), after: wireText(latest.item) }
        : null,
  };
}

/** The wire copy behind an article the user has already been allowed to read (getArticle checks that). */
export function getArticleWireState(user: SessionUser, articleId: number): ArticleWireState | null {
  assertCan(user, 'wire:read');
  return articleWireState(getDb(), articleId);
}

/**
 * The agency's copyright notice a published story made from its copy prints, from the version the
 * story took; null for a story written here. Public: it reads nothing the story's page does not show.
 */
export function publicWireCopyright(articleId: number): string | null {
  const state = articleWireState(getDb(), articleId);
  if (!state) return null;
  return state.copyrightNotice || (state.provider && `© ${state.provider}`) || null;
}

/** Of these articles (already listed for the user), those whose wire copy the agency canceled or withheld. */
export function wireStopsOf(user: SessionUser, articleIds: readonly number[]): Record<number, WireItem['pubStatus']> {
  assertCan(user, 'wire:read');
  if (articleIds.length === 0) return {};
  const rows = getDb()
    .select({ articleId: articleWireItems.articleId, pubStatus: wireItems.pubStatus })
    .from(articleWireItems)
    .innerJoin(wireItems, eq(wireItems.id, articleWireItems.wireItemId))
    .where(and(inArray(articleWireItems.articleId, [...articleIds]), ne(wireItems.pubStatus, 'usable')))
    .all();
  return Object.fromEntries(rows.map((row) => [row.articleId, row.pubStatus]));
}
