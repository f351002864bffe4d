/**
 * Real image files for the photo tests: pixels made with sharp, metadata written with exiftool
 * (Debian libimage-exiftool-perl), in a private folder under the system temp dir.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll } from 'vitest';
import type { UploadResult } from '@/lib/photos/photo-view';
import type { SessionUser } from '@/lib/session-user';
import { type Upload, uploadPhoto } from '@/server/photos/upload-photo';

const run = promisify(execFile);

/** A fresh folder for one test file's images, removed when that file's tests end. */
export function fixtureFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-photos-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export type ImageSpec = {
  width?: number;
  height?: number;
  /** A flat colour; vary it to get distinct bytes (and so distinct photos). */
  colour?: string;
  /** Grain makes the file photo-sized, as flat colour compresses to almost nothing. */
  noise?: boolean;
};

/** An image's encoded bytes: plain pixels, no metadata at all. */
export function imageBytes(format: ImageFormat, { width = 64, height = 48, colour = '#3366aa', noise = false }: ImageSpec = {}) {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: colour,
      ...(noise ? { noise: { type: 'gaussian' as const, mean: 128, sigma: 40 } } : {}),
    },
  })
    .toFormat(format)
    .toBuffer();
}

/** Writes a metadata-free JPEG to `folder/name` and returns its path. */
export async function writeJpeg(folder: string, name: string, spec: ImageSpec = {}): Promise<string> {
  const file = path.join(folder, name);
  await fs.promises.writeFile(file, await imageBytes('jpeg', spec));
  return file;
}

/** Runs exiftool on a file in place, e.g. `exiftool(file, ['-XMP-dc:Creator=Ana Lens'])`. */
export async function exiftool(file: string, args: string[]): Promise<void> {
  await run('exiftool', ['-q', '-q', '-overwrite_original', ...args, file]);
}

/** A copy of `file` beside it under a new name, for writing variants of one set of tags. */
export async function copyOf(file: string, name: string): Promise<string> {
  const copy = path.join(path.dirname(file), name);
  await fs.promises.copyFile(file, copy);
  return copy;
}

/** The raw IPTC block, read the way upload-photo does before handing it to readFileMetadata. */
export async function iptcBlockOf(file: string): Promise<Buffer | undefined> {
  return (await sharp(file).metadata()).iptc;
}

/** An upload as the route handler builds it: the bytes as a web stream. */
export function uploadOf(bytes: Uint8Array, fileName: string): Upload {
  // Copied into a plain ArrayBuffer: Blob will not take a view that may sit on shared memory.
  return { body: new Blob([new Uint8Array(bytes)]).stream(), fileName };
}

let shade = 0;

/** Uploads a small image nobody has uploaded before in this test file (each gets its own colour). */
export async function uploadDistinctPhoto(user: SessionUser): Promise<UploadResult> {
  shade += 1;
  const colour = `#${(shade * 2_654_435).toString(16).padStart(6, '0').slice(-6)}`;
  const result = await uploadPhoto(user, uploadOf(await imageBytes('jpeg', { width: 40, height: 30, colour }), 'photo.jpg'));
  if (result.duplicate) throw new Error(`fixture colour ${colour} encoded like an earlier one`);
  return result;
}
