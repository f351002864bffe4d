import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@/lib/app-error';
import { PHOTO_MAX_BYTES } from '@/lib/domain-constants';
import { formatFileSize } from '@/lib/photos/file-size';
import { isClientAbort } from '@/server/http/client-abort';

export type ReceivedFile = { file: string; sha256: string; sizeBytes: number };

/**
 * Streams an upload's bytes to `<staging>/original`, hashing as they pass, and stops reading the
 * moment they pass the cap: a 30 MB file costs 25 MB of disk for a moment and never 30 MB of memory.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  staging: string,
  fileName: string,
  declaredBytes?: number,
): Promise<ReceivedFile> {
  const limit = formatFileSize(PHOTO_MAX_BYTES);
  // With a declared size the message says it; a stream is cut off as it passes the limit.
  const tooLarge = () =>
    new AppError(
      'TOO_LARGE',
      `“${fileName}” is ${declaredBytes !== undefined ? formatFileSize(declaredBytes) : `over ${limit}`}; photos may be at most ${limit}.`,
    );
  if (declaredBytes !== undefined && declaredBytes > PHOTO_MAX_BYTES) throw tooLarge();
  if (!body) throw new AppError('INVALID', `“${fileName}” is empty.`);

  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > PHOTO_MAX_BYTES) {
        done(tooLarge());
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const file = path.join(staging, 'original');
  try {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), meter, fs.createWriteStream(file));
  } catch (error) {
    // The sender went away (cancelled, or the connection dropped): theirs to retry, not our fault.
    if (isClientAbort(error)) throw new AppError('INVALID', `The upload of “${fileName}” stopped before the whole file arrived.`);
    throw error;
  }
  if (sizeBytes === 0) throw new AppError('INVALID', `“${fileName}” is empty.`);
  return { file, sha256: hash.digest('hex'), sizeBytes };
}

