import 'server-only';
import { AppError } from '@/lib/app-error';
import { PHOTO_MAX_BYTES } from '@/lib/domain-constants';
import { log } from '@/server/log/logger';
import type { PhotoFiles } from './ingest-item';
import { photoFilesSent } from './photo-files';
import { MAX_WIRE_FILE_BYTES, wireFileTooLarge } from './wire-file';

/** Photos sent with one package, at most: a multipart request is read whole before it is parsed. */
const MAX_PHOTOS_PER_REQUEST = 8;
const MAX_MULTIPART_BYTES = MAX_WIRE_FILE_BYTES + MAX_PHOTOS_PER_REQUEST * PHOTO_MAX_BYTES;

const noPhotos: PhotoFiles = async () => null;

/** The item's text, and the photo files sent with it, from a raw XML/JSON body or a multipart form; a refusal is logged. */
export async function readIngestRequest(request: Request): Promise<{ text: string; photoFiles: PhotoFiles }> {
  try {
    return await readBody(request);
  } catch (error) {
    log.warn({ err: error }, 'wire ingest request refused');
    throw error;
  }
}

async function readBody(request: Request): Promise<{ text: string; photoFiles: PhotoFiles }> {
  const type = request.headers.get('content-type') ?? '';
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (type.startsWith('multipart/form-data')) {
    if (!Number.isFinite(declared)) throw new AppError('INVALID', 'Send a multipart item with its Content-Length.');
    if (declared > MAX_MULTIPART_BYTES) throw new AppError('TOO_LARGE', `The request is larger than ${MAX_MULTIPART_BYTES / 1e6} MB.`);
    const form = await request.formData();
    const item = form.get('item');
    const text = typeof item === 'string' ? item : item instanceof File ? await item.text() : null;
    if (text === null) throw new AppError('INVALID', 'The multipart request has no “item” part with the NewsML-G2 or ninjs item.');
    const photos = form.getAll('photo').filter((part): part is File => part instanceof File);
    if (photos.length > MAX_PHOTOS_PER_REQUEST) throw new AppError('TOO_LARGE', `Send at most ${MAX_PHOTOS_PER_REQUEST} photos with an item.`);
    return { text, photoFiles: photoFilesSent(photos) };
  }
  if (declared > MAX_WIRE_FILE_BYTES) throw wireFileTooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_WIRE_FILE_BYTES) throw wireFileTooLarge();
  return { text, photoFiles: noPhotos };
}
