import 'server-only';
import { parseRenditionFileName, RENDITION_MIME, SOCIAL_CARD } from '@/lib/photos/renditions';
import { makeSocialCard } from './make-renditions';
import { addPhotoFile, openPhotoFile } from './photo-store';

/**
 * A rendition for anyone who asks, signed in or not: published pages and feeds embed them. Its
 * address holds the original's SHA-256, which cannot be guessed, so a draft's photos are only seen
 * by whoever was given the address. Originals are never served: they may carry GPS positions.
 */
export async function openRendition(sha256: string, fileName: string) {
  const rendition = parseRenditionFileName(fileName);
  if (!rendition) return undefined;
  const file = (await openPhotoFile(sha256, fileName)) ?? (fileName === SOCIAL_CARD.fileName ? await socialCardMadeNow(sha256) : undefined);
  return file && { ...file, contentType: RENDITION_MIME[rendition.format] };
}

/** Photos stored before social cards were made get theirs the first time it is asked for. */
async function socialCardMadeNow(sha256: string) {
  return (await addPhotoFile(sha256, SOCIAL_CARD.fileName, makeSocialCard)) ? openPhotoFile(sha256, SOCIAL_CARD.fileName) : undefined;
}
