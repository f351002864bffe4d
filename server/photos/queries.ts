import 'server-only';
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { getDb, preparedQuery } from '@/db/client';
import { photos, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { PhotoMime } from '@/lib/domain-constants';
import { creditLine } from '@/lib/photos/credit-line';
import { ftsSearch } from '@/lib/search/fts-query';
import type { PhotoDetail, PhotoPage, PhotoView, PrefilledFrom } from '@/lib/photos/photo-view';
import type { SessionUser } from '@/lib/session-user';
import type { PhotoListQuery } from '@/lib/validation/photo';
import { decodeCursor, encodeCursor } from '@/server/pagination/cursor';
import { assertCan } from '@/server/policy';

/** What `photos.metadata_json` holds. */
export type StoredPhotoMetadata = { prefilledFrom: PrefilledFrom; file: Record<string, unknown> };

const viewColumns = {
  id: photos.id,
  sha256: photos.sha256,
  originalName: photos.originalName,
  mime: photos.mime,
  sizeBytes: photos.sizeBytes,
  width: photos.width,
  height: photos.height,
  caption: photos.caption,
  photographer: photos.photographer,
  agency: photos.agency,
  copyrightNotice: photos.copyrightNotice,
  altText: photos.altText,
  rightsUrl: photos.rightsUrl,
  usageTerms: photos.usageTerms,
  takenAt: photos.takenAt,
  metadata: photos.metadataJson,
  uploadedByName: users.name,
  createdAt: photos.createdAt,
  version: photos.version,
};

function selectViews(db: Db | Tx) {
  return db.select(viewColumns).from(photos).innerJoin(users, eq(users.id, photos.uploadedBy));
}

type ViewRow = NonNullable<ReturnType<ReturnType<typeof selectViews>['get']>>;

function toView({ metadata, ...row }: ViewRow): PhotoView {
  const stored = metadata as StoredPhotoMetadata | null;
  return {
    ...row,
    mime: row.mime as PhotoMime,
    rightsUrl: row.rightsUrl ?? '',
    takenAt: row.takenAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    creditLine: creditLine(row),
    prefilledFrom: stored?.prefilledFrom ?? {},
  };
}


export const PHOTO_NOT_FOUND = 'No photo with that id in the library.';

/** Reads a photo with no permission check, for the domain's own use. */
export function unsafeLoadPhotoView(db: Db | Tx, id: number): PhotoView | undefined {
  const row = selectViews(db).where(eq(photos.id, id)).get();
  return row && toView(row);
}

export function findPhotoIdBySha(db: Db | Tx, sha256: string): number | undefined {
  return db.select({ id: photos.id }).from(photos).where(eq(photos.sha256, sha256)).get()?.id;
}

export function getPhoto(user: SessionUser, id: number): PhotoDetail {
  assertCan(user, 'photo:read');
  const row = selectViews(getDb()).where(eq(photos.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', PHOTO_NOT_FOUND);
  return { ...toView(row), fileMetadata: (row.metadata as StoredPhotoMetadata | null)?.file ?? {} };
}

// Read with every article view the desk is sent: one query for any number of ids, built once.
const photoViewsQuery = preparedQuery((db) =>
  selectViews(db)
    .where(inArray(photos.id, sql`(SELECT value FROM json_each(${sql.placeholder('ids')}))`))
    .prepare(),
);

/** The library photos among these ids, for rendering an article and checking what it uses. */
export function loadPhotoViews(db: Db | Tx, ids: readonly number[]): Map<number, PhotoView> {
  if (ids.length === 0) return new Map();
  const rows = photoViewsQuery(db).all({ ids: JSON.stringify([...new Set(ids)]) });
  return new Map(rows.map((row) => [row.id, toView(row)]));
}

export const LIBRARY_PAGE_SIZE = 48;

/** Newest first; a search narrows by caption, photographer and agency; "missing credit" by an empty credit line. */
export function listPhotos(user: SessionUser, query: PhotoListQuery, pageSize = LIBRARY_PAGE_SIZE): PhotoPage {
  assertCan(user, 'photo:read');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const search = query.q ? ftsSearch(query.q, { prefix: 'every' }) : null;
  const conditions: (SQL | undefined)[] = [
    search?.match !== undefined ? sql`${photos.id} IN (SELECT rowid FROM photos_fts WHERE photos_fts MATCH ${search.match})` : undefined,
    search?.exclude !== undefined ? sql`${photos.id} NOT IN (SELECT rowid FROM photos_fts WHERE photos_fts MATCH ${search.exclude})` : undefined,
    query.missingCredit === '1' ? and(eq(photos.agency, ''), eq(photos.photographer, '')) : undefined,
    after
      ? or(lt(photos.createdAt, new Date(after.at)), and(eq(photos.createdAt, new Date(after.at)), lt(photos.id, after.id)))
      : undefined,
  ];
  const rows = selectViews(getDb())
    .where(and(...conditions))
    .orderBy(desc(photos.createdAt), desc(photos.id))
    .limit(pageSize + 1)
    .all();
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ at: last.createdAt.getTime(), id: last.id }) : null,
  };
}
