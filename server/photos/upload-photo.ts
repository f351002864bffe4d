import 'server-only';
import { SqliteError } from 'better-sqlite3';
import { getDb } from '@/db/client';
import { photos } from '@/db/schema';
import type { UploadResult } from '@/lib/photos/photo-view';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { inspectPhoto } from './inspect-photo';
import { makeRenditions } from './make-renditions';
import { commitStaging, createStaging, discardStaging, removePhotoFiles, storageKey } from './photo-store';
import { findPhotoIdBySha, type StoredPhotoMetadata, unsafeLoadPhotoView } from './queries';
import { readFileMetadata } from './read-file-metadata';
import { receiveUpload } from './receive-upload';

export type Upload = {
  body: ReadableStream<Uint8Array> | null;
  /** Already reduced to a bare, printable name (see UploadFileName). */
  fileName: string;
  declaredBytes?: number;
};

function existing(sha256: string): UploadResult | undefined {
  const db = getDb();
  const id = findPhotoIdBySha(db, sha256);
  const photo = id === undefined ? undefined : unsafeLoadPhotoView(db, id);
  return photo && { photo, duplicate: true };
}

/**
 * Takes one uploaded file into the library: streamed to a private staging folder, checked by its
 * bytes, its metadata read, its renditions made, and only then moved into the store and recorded.
 * Any refusal or failure discards the staging folder, so nothing is ever half-stored. The same
 * bytes uploaded again (even at the same moment) give back the photo already in the library.
 */
export async function uploadPhoto(user: SessionUser, upload: Upload): Promise<UploadResult> {
  assertCan(user, 'photo:upload');
  const staging = await createStaging();
  try {
    const received = await receiveUpload(upload.body, staging, upload.fileName, upload.declaredBytes);
    const already = existing(received.sha256);
    if (already) return already;

    const inspected = await inspectPhoto(received.file, upload.fileName);
    const prefill = await readFileMetadata(received.file, inspected.iptc);
    await makeRenditions(received.file, staging, inspected, upload.fileName);
    await commitStaging(received.sha256, staging);

    const metadata: StoredPhotoMetadata = { prefilledFrom: prefill.from, file: prefill.raw };
    try {
      const id = getDb().transaction(
        (tx) => {
          const { id } = tx
            .insert(photos)
            .values({
              sha256: received.sha256,
              originalName: upload.fileName,
              storageKey: storageKey(received.sha256),
              mime: inspected.mime,
              sizeBytes: received.sizeBytes,
              width: inspected.width,
              height: inspected.height,
              caption: prefill.values.caption ?? '',
              photographer: prefill.values.photographer ?? '',
              agency: prefill.values.agency ?? '',
              copyrightNotice: prefill.values.copyrightNotice ?? '',
              altText: prefill.values.altText ?? '',
              rightsUrl: prefill.values.rightsUrl ?? null,
              takenAt: prefill.takenAt,
              metadataJson: metadata,
              uploadedBy: user.id,
            })
            .returning({ id: photos.id })
            .get();
          recordAudit(tx, {
            actorId: user.id,
            action: 'photo.upload',
            targetType: 'photo',
            targetId: id,
            details: { name: upload.fileName, sha256: received.sha256, bytes: received.sizeBytes },
          });
          return id;
        },
        { behavior: 'immediate' },
      );
      const photo = unsafeLoadPhotoView(getDb(), id);
      if (!photo) throw new Error(`photo ${id} vanished after its own insert`);
      return { photo, duplicate: false };
    } catch (error) {
      // A parallel upload of the same bytes recorded it first: theirs is the library photo.
      if (error instanceof SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const raced = existing(received.sha256);
        if (raced) return raced;
      }
      if (findPhotoIdBySha(getDb(), received.sha256) === undefined) await removePhotoFiles(received.sha256);
      throw error;
    }
  } finally {
    await discardStaging(staging);
  }
}
