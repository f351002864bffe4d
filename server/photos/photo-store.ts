import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { env } from '@/server/env';

/**
 * Where photo files live: one folder per photo, named by the SHA-256 of its original, holding the
 * original and its renditions. This module is the only code that knows the layout, so an object
 * store can replace the directory by implementing the same functions.
 *
 *   DATA_DIR/photos/ab/ab12…ef/original
 *   DATA_DIR/photos/ab/ab12…ef/640.webp
 *   DATA_DIR/photos/staging/<uuid>/…      uploads in progress, never served
 */

const SHA256 = /^[0-9a-f]{64}$/;
/** The names a photo's folder may hold; anything else is refused before touching the disk. */
const FILE_NAME = /^(original|social\.jpg|[1-9]\d{0,4}\.(webp|jpg))$/;

function root(): string {
  return path.join(env().dataDir, 'photos');
}

/** The key stored in `photos.storage_key`: where the photo's folder sits under the store. */
export function storageKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `${sha256.slice(0, 2)}/${sha256}`;
}

function folderOf(sha256: string): string {
  return path.join(root(), storageKey(sha256));
}

/** A fresh private folder for one upload in progress; the caller commits or discards it. */
export async function createStaging(): Promise<string> {
  const folder = path.join(root(), 'staging', randomUUID());
  await fs.promises.mkdir(folder, { recursive: true });
  return folder;
}

export async function discardStaging(folder: string): Promise<void> {
  await fs.promises.rm(folder, { recursive: true, force: true });
}

/**
 * Moves a finished staging folder into place in one rename, so a photo's files appear all at once
 * or not at all. When the same bytes were committed first by a parallel upload, theirs stay and
 * this copy is discarded: the content is identical by construction.
 */
export async function commitStaging(sha256: string, staging: string): Promise<void> {
  const target = folderOf(sha256);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.promises.rename(staging, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw error;
    await discardStaging(staging);
  }
}

export async function hasPhotoFiles(sha256: string): Promise<boolean> {
  return fs.promises
    .access(path.join(folderOf(sha256), 'original'))
    .then(() => true)
    .catch(() => false);
}

/** Removes a photo's files: only for a photo that never made it into the library. */
export async function removePhotoFiles(sha256: string): Promise<void> {
  await fs.promises.rm(folderOf(sha256), { recursive: true, force: true });
}

/** A stored file as a web stream with its size, or undefined when there is none by that name. */
export async function openPhotoFile(
  sha256: string,
  name: string,
): Promise<{ body: ReadableStream<Uint8Array>; size: number } | undefined> {
  if (!SHA256.test(sha256) || !FILE_NAME.test(name)) return undefined;
  const file = path.join(folderOf(sha256), name);
  try {
    const handle = await fs.promises.open(file, 'r');
    const { size } = await handle.stat();
    const stream = handle.createReadStream();
    return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Makes a missing file of a stored photo from its original (a rendition added after the photo
 * was stored), written under a temporary name and renamed into place, so a reader never gets half
 * a file; two readers making it at once both write whole files, and the last rename wins.
 * False when the photo is not stored here.
 */
export async function addPhotoFile(sha256: string, name: string, make: (original: string, target: string) => Promise<void>): Promise<boolean> {
  if (!SHA256.test(sha256) || !FILE_NAME.test(name) || !(await hasPhotoFiles(sha256))) return false;
  const folder = folderOf(sha256);
  const temporary = path.join(folder, `.${randomUUID()}.tmp`);
  try {
    await make(path.join(folder, 'original'), temporary);
    await fs.promises.rename(temporary, path.join(folder, name));
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
  return true;
}
