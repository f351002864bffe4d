import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { UploadFileName } from '@/lib/validation/photo';
import type { PhotoFiles } from './ingest-item';

/** A scheme other than file: means the agency's server, which Dateline does not fetch from. */
const REMOTE = /^(?!file:)[a-z][a-z0-9+.-]*:/i;

/** The file name an href ends in ("./GYI0062134533.jpg", "file:///./photo.jpg" → the name alone). */
function hrefFileName(href: string): string {
  return path.posix.basename(decodeURIComponent(href.trim().replace(/^file:\/*/i, '').split(/[?#]/)[0] ?? ''));
}

/**
 * For `npm run wire:import`: a package's photos are the files its hrefs name in the item's own
 * folder. Only that folder is looked in, whatever the href says, so an item cannot read other files.
 */
export function photoFilesBeside(folder: string): PhotoFiles {
  return async (href) => {
    if (REMOTE.test(href.trim())) return null;
    const name = hrefFileName(href);
    if (!name) return null;
    const file = path.join(folder, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat?.isFile()) return null;
    return {
      body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>,
      fileName: UploadFileName.parse(name),
      declaredBytes: stat.size,
    };
  };
}

/** For `POST /api/v1/ingest` sent as multipart: the photo parts, found by the file name the href ends in. */
export function photoFilesSent(files: readonly File[]): PhotoFiles {
  const byName = new Map(files.map((file) => [path.posix.basename(file.name), file]));
  return async (href) => {
    if (REMOTE.test(href.trim())) return null;
    const file = byName.get(hrefFileName(href));
    return file ? { body: file.stream(), fileName: UploadFileName.parse(file.name), declaredBytes: file.size } : null;
  };
}
