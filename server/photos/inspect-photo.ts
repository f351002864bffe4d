import 'server-only';
import { fileTypeFromFile } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/app-error';
import { PHOTO_MAX_PIXELS, PHOTO_TYPES, type PhotoMime } from '@/lib/domain-constants';

export type InspectedPhoto = {
  mime: PhotoMime;
  /** As displayed, after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** The raw IPTC block, read here for its declared character set. */
  iptc: Buffer | undefined;
};

const ACCEPTED = Object.values(PHOTO_TYPES).join(', ').replace(/, (?=[^,]*$)/, ' or ');

function isAcceptedMime(mime: string): mime is PhotoMime {
  return mime in PHOTO_TYPES;
}

/** Why a file that is not one of ours was refused, in terms its sender will recognise. */
function unsupported(fileName: string, detected: { ext: string; mime: string } | undefined): AppError {
  const what = !detected
    ? 'its contents are not an image format Dateline knows (a text file renamed, perhaps)'
    : /heic|heif/.test(detected.mime)
      ? 'HEIC photos cannot be decoded on this server; export it as JPEG'
      : detected.mime === 'application/xml' || detected.mime === 'image/svg+xml'
        ? 'it is an SVG drawing or other XML, which may carry scripts'
        : `its contents are ${detected.ext.toUpperCase()}`;
  return new AppError('UNSUPPORTED_TYPE', `“${fileName}” was not accepted: ${what}. Photos must be ${ACCEPTED}.`);
}

/**
 * Decides what a staged file is from its bytes alone (never its name or the browser's word) and
 * reads its dimensions from the header, refusing a pixel bomb before anything decodes it.
 */
export async function inspectPhoto(file: string, fileName: string): Promise<InspectedPhoto> {
  const detected = await fileTypeFromFile(file);
  if (!detected || !isAcceptedMime(detected.mime)) throw unsupported(fileName, detected);

  let metadata: Metadata;
  try {
    metadata = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    throw damaged(fileName);
  }
  const { width, height } = metadata.autoOrient;
  if (!width || !height) throw damaged(fileName);
  const megapixels = (width * height) / 1e6;
  if (width * height > PHOTO_MAX_PIXELS) {
    throw new AppError(
      'TOO_LARGE',
      `“${fileName}” is ${width.toLocaleString('en-GB')} × ${height.toLocaleString('en-GB')} px (${Math.round(megapixels)} megapixels); photos may be at most ${PHOTO_MAX_PIXELS / 1e6} megapixels.`,
    );
  }
  return { mime: detected.mime, width, height, iptc: metadata.iptc };
}

export function damaged(fileName: string): AppError {
  return new AppError('INVALID', `“${fileName}” could not be read as a photo: the file is damaged or cut short.`);
}
