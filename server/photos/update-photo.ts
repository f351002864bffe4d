import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { photos } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { PHOTO_FIELDS, type PhotoView } from '@/lib/photos/photo-view';
import type { SessionUser } from '@/lib/session-user';
import type { UpdatePhotoInput } from '@/lib/validation/photo';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { photoKey } from '@/lib/public/surrogate-keys';
import { recordPublicChange } from '@/server/public-cache/record-public-change';
import { PHOTO_NOT_FOUND, type StoredPhotoMetadata, unsafeLoadPhotoView } from './queries';

/**
 * Saves a library photo's caption, credit and rights fields, based on the version the person
 * loaded; a stale version is refused with the current photo so nothing is silently overwritten.
 * A field edited by hand no longer counts as prefilled from the file.
 */
export function updatePhoto(user: SessionUser, id: number, input: UpdatePhotoInput, now = new Date()): PhotoView {
  assertCan(user, 'photo:edit');
  return getDb().transaction(
    (tx) => {
      const current = unsafeLoadPhotoView(tx, id);
      if (!current) throw new AppError('NOT_FOUND', PHOTO_NOT_FOUND);
      if (current.version !== input.version) {
        throw new AppError('CONFLICT', 'Someone saved this photo after you opened it. Your changes have not been saved.', {
          current,
        });
      }
      const changed = PHOTO_FIELDS.filter((field) => input[field] !== current[field]);
      const stored = tx.select({ metadata: photos.metadataJson }).from(photos).where(eq(photos.id, id)).get()
        ?.metadata as StoredPhotoMetadata | null;
      const prefilledFrom = Object.fromEntries(
        Object.entries(stored?.prefilledFrom ?? {}).filter(([field]) => !(changed as string[]).includes(field)),
      );

      tx.update(photos)
        .set({
          caption: input.caption,
          photographer: input.photographer,
          agency: input.agency,
          copyrightNotice: input.copyrightNotice,
          altText: input.altText,
          rightsUrl: input.rightsUrl || null,
          metadataJson: { prefilledFrom, file: stored?.file ?? {} },
          version: sql`${photos.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(photos.id, id), eq(photos.version, input.version)))
        .run();
      recordAudit(tx, { actorId: user.id, action: 'photo.update', targetType: 'photo', targetId: id, details: { changed } });
      // Live stories show the library's caption and credit unless they override them.
      if (changed.length > 0) recordPublicChange(tx, [photoKey(id)], now);

      const saved = unsafeLoadPhotoView(tx, id);
      if (!saved) throw new Error(`photo ${id} vanished inside its own update`);
      return saved;
    },
    { behavior: 'immediate' },
  );
}
