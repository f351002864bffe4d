import 'server-only';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { PHOTO_MAX_PIXELS } from '@/lib/domain-constants';
import { renditionFileName, renditionsFor, SOCIAL_CARD } from '@/lib/photos/renditions';
import { damaged } from './inspect-photo';

// Each original is resized once: libvips's operation cache (up to 50 MB) would only keep pixels
// nobody asks for again, in the memory the server answers readers with.
sharp.cache(false);

/**
 * Writes every rendition of an original beside it in its staging folder. Each is re-encoded from
 * the decoded pixels with the EXIF orientation applied, so none carries the original's metadata:
 * no GPS position, no camera serial, no maker notes. Transparent originals get a white ground in
 * the JPEG, which has no alpha.
 */
export async function makeRenditions(
  original: string,
  folder: string,
  size: { width: number; height: number },
  fileName: string,
): Promise<void> {
  const decoded = sharp(original, { limitInputPixels: PHOTO_MAX_PIXELS, autoOrient: true, failOn: 'warning' });
  try {
    await Promise.all(
      [
        socialCard(decoded).toFile(path.join(folder, SOCIAL_CARD.fileName)),
        ...renditionsFor(size).map((rendition) => {
          const resized = decoded.clone().resize({ width: rendition.width, withoutEnlargement: true });
          const encoded = rendition.format === 'webp' ? resized.webp({ quality: 80, effort: 3 }) : asJpeg(resized);
          return encoded.toFile(path.join(folder, renditionFileName(rendition)));
        }),
      ],
    );
  } catch {
    throw damaged(fileName);
  }
}

const asJpeg = (image: Sharp) => image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, progressive: true, mozjpeg: true });

/**
 * The social card, cropped to fill 1200×630 around what draws the eye (libvips's attention
 * strategy), and enlarged if it must be: a network shows a card at that size whatever it is given.
 */
function socialCard(decoded: Sharp): Sharp {
  return asJpeg(decoded.clone().resize(SOCIAL_CARD.width, SOCIAL_CARD.height, { fit: 'cover', position: sharp.strategy.attention }));
}

/** The social card of a photo stored before cards were made: from its original, written to `target`. */
export async function makeSocialCard(original: string, target: string): Promise<void> {
  await socialCard(sharp(original, { limitInputPixels: PHOTO_MAX_PIXELS, autoOrient: true })).toFile(target);
}
