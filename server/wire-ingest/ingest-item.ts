import 'server-only';
import { and, eq } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db/client';
import { photos, wireItems, wireItemVersions } from '@/db/schema';
import { bodyPlainText } from '@/lib/editor/body-text';
import type { SessionUser } from '@/lib/session-user';
import type { WireItem, WirePhoto, WirePhotoOutcome } from '@/lib/wire/wire-item';
import { recordAudit } from '@/server/audit/record-audit';
import { log } from '@/server/log/logger';
import { assertCan } from '@/server/policy';
import { type Upload, uploadPhoto } from '@/server/photos/upload-photo';
import { parseWireFile } from './parse-wire-file';

/**
 * Who is sending: a wire source (by its token) or the shell. Photos enter the library in the name
 * of `uploader`, the admin who made the source (or whom the shell names), as the library records a
 * person for every photo.
 */
export type IngestSender = { sourceId: number | null; uploader: SessionUser };

/** A photo file the sender delivered with the item, found by the href the item gives it; null when it did not. */
export type PhotoFiles = (href: string) => Promise<Upload | null>;

export type IngestOutcome = {
  guid: string;
  version: number;
  headline: string;
  /** `stored`: a new item or a newer version; `unchanged`: this version was already here; `older`: kept in the history only. */
  result: 'stored' | 'unchanged' | 'older';
  wireItemId: number;
  photos: WirePhotoOutcome[];
};

/**
 * Takes one file an agency sent: every item in it is parsed and checked before anything is stored,
 * so a bad file stores nothing. An item's identity is its guid and version: the same version again
 * changes nothing; a higher one becomes what the queue shows, and every version is kept.
 */
export async function ingestWireFile(sender: IngestSender, text: string, photoFiles: PhotoFiles, now = new Date()): Promise<IngestOutcome[]> {
  assertCan(sender.uploader, 'wire:ingest');
  let items: WireItem[];
  try {
    items = parseWireFile(text);
  } catch (error) {
    log.warn({ err: error, sourceId: sender.sourceId }, 'wire file refused');
    throw error;
  }
  const outcomes: IngestOutcome[] = [];
  for (const item of items) outcomes.push(await ingestItem(sender, item, photoFiles, now));
  return outcomes;
}

async function ingestItem(sender: IngestSender, item: WireItem, photoFiles: PhotoFiles, now: Date): Promise<IngestOutcome> {
  const known = knownVersion(getDb(), item);
  if (known) {
    log.info({ guid: item.guid, version: item.version }, 'wire item version already received');
    return { guid: item.guid, version: item.version, headline: item.headline, result: 'unchanged', wireItemId: known.wireItemId, photos: known.photos };
  }
  // Photos go through the library's own pipeline first (each upload is whole or nothing), then the
  // item and its version are written in one transaction.
  const { outcomes: received, fresh } = await receivePhotos(sender.uploader, item.photos, photoFiles);
  return getDb().transaction(
    (tx) => {
      // The same version sent twice at once: the one that wrote first stands.
      const raced = knownVersion(tx, item);
      if (raced) return { guid: item.guid, version: item.version, headline: item.headline, result: 'unchanged' as const, ...raced };
      const existing = tx.select({ id: wireItems.id, version: wireItems.version }).from(wireItems).where(eq(wireItems.guid, item.guid)).get();
      const newest = !existing || item.version > existing.version;
      const listed = listedFields(item, now);
      const wireItemId = existing
        ? existing.id
        : tx
            .insert(wireItems)
            .values({ guid: item.guid, sourceId: sender.sourceId, firstReceivedAt: now, ...listed })
            .returning({ id: wireItems.id })
            .get().id;
      if (existing && newest) tx.update(wireItems).set({ sourceId: sender.sourceId, ...listed }).where(eq(wireItems.id, existing.id)).run();
      tx.insert(wireItemVersions).values({ wireItemId, version: item.version, item, photos: received, receivedAt: now }).run();
      fillPhotoRights(tx, received.filter((photo) => photo.photoId !== null && fresh.has(photo.photoId)));
      recordAudit(tx, {
        actorId: sender.sourceId === null ? sender.uploader.id : null,
        action: 'wire.ingest',
        targetType: 'wire_item',
        targetId: wireItemId,
        details: { guid: item.guid, version: item.version, sourceId: sender.sourceId, photos: received.map((photo) => photo.photoId) },
      });
      log.info({ guid: item.guid, version: item.version, wireItemId, newest }, 'wire item stored');
      return { guid: item.guid, version: item.version, headline: item.headline, result: newest ? 'stored' : 'older', wireItemId, photos: received };
    },
    { behavior: 'immediate' },
  );
}

function knownVersion(db: Db | Tx, item: WireItem): { wireItemId: number; photos: WirePhotoOutcome[] } | undefined {
  const row = db
    .select({ wireItemId: wireItems.id, photos: wireItemVersions.photos })
    .from(wireItemVersions)
    .innerJoin(wireItems, eq(wireItems.id, wireItemVersions.wireItemId))
    .where(and(eq(wireItems.guid, item.guid), eq(wireItemVersions.version, item.version)))
    .get();
  return row && { wireItemId: row.wireItemId, photos: row.photos as WirePhotoOutcome[] };
}

function listedFields(item: WireItem, now: Date) {
  const subjects = item.subjects.map((subject) => subject.name).join(' · ');
  return {
    version: item.version,
    kind: item.kind,
    headline: item.headline,
    slugline: item.slugline,
    provider: item.provider || item.copyrightHolder,
    subjects,
    pubStatus: item.pubStatus,
    embargoedUntil: item.embargoedUntil ? new Date(item.embargoedUntil) : null,
    searchText: [item.headline, item.slugline, subjects, item.byline, item.located, bodyPlainText(item.body)].join('\n'),
    receivedAt: now,
  };
}

/**
 * Each photo the item names, through the real upload pipeline. One that did not come with the item
 * (an agency's remote URL: Dateline fetches nothing from the internet) or that the pipeline refuses
 * is recorded as not received; the item itself is still taken.
 */
async function receivePhotos(
  uploader: SessionUser,
  wanted: readonly WirePhoto[],
  photoFiles: PhotoFiles,
): Promise<{ outcomes: WirePhotoOutcome[]; fresh: Set<number> }> {
  const outcomes: WirePhotoOutcome[] = [];
  const fresh = new Set<number>();
  for (const photo of wanted) {
    const upload = await photoFiles(photo.href);
    if (!upload) {
      outcomes.push({ ...photo, photoId: null, problem: /^https?:/i.test(photo.href) ? 'Not received: it is on the agency’s server, and Dateline does not fetch files from the internet.' : 'Not received: the file was not sent with the item.' });
      continue;
    }
    try {
      const { photo: stored, duplicate } = await uploadPhoto(uploader, upload);
      if (!duplicate) fresh.add(stored.id);
      outcomes.push({ ...photo, photoId: stored.id, problem: null });
    } catch (error) {
      log.warn({ err: error, href: photo.href }, 'wire photo refused by the photo pipeline');
      outcomes.push({ ...photo, photoId: null, problem: `Not received: ${error instanceof Error ? error.message : 'the photo could not be read.'}` });
    }
  }
  return { outcomes, fresh };
}

/**
 * The agency's caption, credit and rights fill what a photo new to the library did not say in its
 * file; a photo already in the library keeps what the desk wrote (and live stories are untouched).
 */
function fillPhotoRights(tx: Tx, received: readonly WirePhotoOutcome[]): void {
  for (const photo of received) {
    if (photo.photoId === null) continue;
    const current = tx
      .select({ caption: photos.caption, photographer: photos.photographer, agency: photos.agency, copyrightNotice: photos.copyrightNotice, usageTerms: photos.usageTerms })
      .from(photos)
      .where(eq(photos.id, photo.photoId))
      .get();
    if (!current) continue;
    tx.update(photos)
      .set({
        caption: current.caption || photo.caption.slice(0, 2000),
        photographer: current.photographer || photo.creator.slice(0, 200),
        agency: current.agency || photo.creditLine.slice(0, 200),
        copyrightNotice: current.copyrightNotice || photo.copyrightNotice.slice(0, 500),
        usageTerms: current.usageTerms || photo.usageTerms,
      })
      .where(eq(photos.id, photo.photoId))
      .run();
  }
}
