import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { photos } from '@/db/schema';
import type { ErrorCode } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { UploadFileName } from '@/lib/validation/photo';
import { appErrorFromAsync } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser } from '@/tests/factories';
import { exiftool, fixtureFolder, imageBytes, uploadOf, writeJpeg } from '@/tests/photos-fixtures';
import { type Upload, uploadPhoto } from './upload-photo';

const dataDir = () => process.env.DATA_DIR ?? '';
const photosRoot = () => path.join(dataDir(), 'photos');
const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const folderOf = (sha: string) => path.join(photosRoot(), sha.slice(0, 2), sha);

function rowsFor(sha: string) {
  return getDb().select().from(photos).where(eq(photos.sha256, sha)).all();
}

function photoRowCount(): number {
  return getDb().select({ id: photos.id }).from(photos).all().length;
}

/** Every photo folder in the store, as `ab/ab12…`. */
function storedFolders(): string[] {
  if (!fs.existsSync(photosRoot())) return [];
  return fs
    .readdirSync(photosRoot())
    .filter((name) => name !== 'staging')
    .flatMap((prefix) => fs.readdirSync(path.join(photosRoot(), prefix)).map((sha) => `${prefix}/${sha}`))
    .sort();
}

function stagingLeftovers(): string[] {
  const staging = path.join(photosRoot(), 'staging');
  return fs.existsSync(staging) ? fs.readdirSync(staging) : [];
}

/** Every file under DATA_DIR, relative to it. */
function filesUnder(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name))],
    );
}

const folder = fixtureFolder();
let user: SessionUser;
let pixelBomb: Buffer;

beforeAll(async () => {
  user = await makeUser('editor', 'Pat Photo');
  // 400 megapixels of one colour: about a megabyte on disk, 1.2 GB once decoded.
  pixelBomb = await sharp({ create: { width: 20_000, height: 20_000, channels: 3, background: '#3366aa' }, limitInputPixels: false })
    .png({ compressionLevel: 9 })
    .toBuffer();
}, 60_000);

describe('uploadPhoto storing a photo', () => {
  it('stores the original under photos/<sha[0..2]>/<sha>/, records the row and audits the upload', async () => {
    const bytes = await imageBytes('jpeg', { width: 2400, height: 1600, colour: '#1f6f8b' });
    const sha = sha256Of(bytes);

    const { photo, duplicate } = await uploadPhoto(user, uploadOf(bytes, 'harbour.jpg'));

    expect(duplicate).toBe(false);
    expect(photo).toMatchObject({
      sha256: sha,
      originalName: 'harbour.jpg',
      mime: 'image/jpeg',
      sizeBytes: bytes.length,
      width: 2400,
      height: 1600,
      version: 1,
      uploadedByName: 'Pat Photo',
    });
    expect(fs.readFileSync(path.join(folderOf(sha), 'original')).equals(bytes)).toBe(true);
    expect(rowsFor(sha)).toEqual([
      expect.objectContaining({ id: photo.id, storageKey: `${sha.slice(0, 2)}/${sha}`, uploadedBy: user.id, width: 2400, height: 1600 }),
    ]);
    expect(auditEntries({ action: 'photo.upload', targetId: photo.id })).toEqual([
      {
        actorId: user.id,
        action: 'photo.upload',
        targetType: 'photo',
        targetId: String(photo.id),
        details: { name: 'harbour.jpg', sha256: sha, bytes: bytes.length },
      },
    ]);
    expect(stagingLeftovers()).toEqual([]);
  });

  it('makes WebP at 320, 640, 1024 and 1600 px and a 1600 px JPEG for a 2400 × 1600 photo', async () => {
    const bytes = await imageBytes('jpeg', { width: 2400, height: 1600, colour: '#8b1f4a' });
    const { photo } = await uploadPhoto(user, uploadOf(bytes, 'wide.jpg'));
    const dir = folderOf(photo.sha256);

    expect(fs.readdirSync(dir).sort()).toEqual(['1024.webp', '1600.jpg', '1600.webp', '320.webp', '640.webp', 'original', 'social.jpg']);
    const read = async (name: string) => {
      const { format, width, height } = await sharp(path.join(dir, name)).metadata();
      return { format, width, height };
    };
    expect(await read('320.webp')).toEqual({ format: 'webp', width: 320, height: 213 });
    expect(await read('640.webp')).toEqual({ format: 'webp', width: 640, height: 427 });
    expect(await read('1024.webp')).toEqual({ format: 'webp', width: 1024, height: 683 });
    expect(await read('1600.webp')).toEqual({ format: 'webp', width: 1600, height: 1067 });
    expect(await read('1600.jpg')).toEqual({ format: 'jpeg', width: 1600, height: 1067 });
  });

  it('never upscales: a 500 px wide photo gets WebP at 320 and 500 px and a 500 px JPEG', async () => {
    const bytes = await imageBytes('jpeg', { width: 500, height: 300, colour: '#4a8b1f' });
    const { photo } = await uploadPhoto(user, uploadOf(bytes, 'small.jpg'));
    const dir = folderOf(photo.sha256);

    expect(fs.readdirSync(dir).sort()).toEqual(['320.webp', '500.jpg', '500.webp', 'original', 'social.jpg']);
    expect((await sharp(path.join(dir, '500.webp')).metadata()).width).toBe(500);
    expect((await sharp(path.join(dir, '500.jpg')).metadata()).width).toBe(500);
  });

  it('applies the EXIF orientation: a 300 × 200 JPEG tagged “rotate 90°” is stored and rendered 200 × 300', async () => {
    const bytes = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#aa6633' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 300, height: 200, orientation: 6 });

    const { photo } = await uploadPhoto(user, uploadOf(bytes, 'sideways.jpg'));

    expect(photo).toMatchObject({ width: 200, height: 300 });
    expect(rowsFor(photo.sha256)[0]).toMatchObject({ width: 200, height: 300 });
    for (const name of ['200.webp', '200.jpg']) {
      const rendition = await sharp(path.join(folderOf(photo.sha256), name)).metadata();
      expect(rendition).toMatchObject({ width: 200, height: 300 });
      // Already upright: an orientation tag left in would make viewers turn it a second time.
      expect(rendition.orientation).toBeUndefined();
    }
  });

  it('strips GPS and camera details from every rendition though the original carries them', async () => {
    const file = await writeJpeg(folder, 'located.jpg', { width: 700, height: 500, colour: '#336655' });
    await exiftool(file, [
      '-GPSLatitude=51.5',
      '-GPSLatitudeRef=N',
      '-GPSLongitude=0.12',
      '-GPSLongitudeRef=W',
      '-XMP-exif:GPSLatitude=51.5 N',
      '-XMP-exif:GPSLongitude=0.12 W',
      '-Make=OM Digital Solutions',
      '-Model=OM-1',
      '-SerialNumber=BHX123456',
    ]);
    const bytes = fs.readFileSync(file);
    const { photo } = await uploadPhoto(user, uploadOf(bytes, 'located.jpg'));
    const dir = folderOf(photo.sha256);

    expect(await exifr.gps(path.join(dir, 'original'))).toEqual({ latitude: 51.5, longitude: -0.12 });
    expect(await exifr.parse(path.join(dir, 'original'))).toMatchObject({ Make: 'OM Digital Solutions', Model: 'OM-1' });

    const renditions = fs.readdirSync(dir).filter((name) => name !== 'original');
    expect(renditions.sort()).toEqual(['320.webp', '640.webp', '700.jpg', '700.webp', 'social.jpg']);
    for (const name of renditions) {
      const rendition = path.join(dir, name);
      if (name.endsWith('.jpg')) {
        expect(await exifr.gps(rendition)).toBeUndefined();
        const parsed = (await exifr.parse(rendition, { tiff: true, xmp: true, iptc: true })) as Record<string, unknown> | undefined;
        expect(parsed?.Make).toBeUndefined();
        expect(parsed?.Model).toBeUndefined();
        expect(parsed?.GPSLatitude).toBeUndefined();
      } else {
        // exifr cannot read WebP; sharp shows the container holds no EXIF or XMP chunk at all.
        const { exif, xmp } = await sharp(rendition).metadata();
        expect({ name, exif, xmp }).toEqual({ name, exif: undefined, xmp: undefined });
      }
    }
  });

  it.each([
    ['png', 'image/png'],
    ['webp', 'image/webp'],
    ['avif', 'image/avif'],
  ] as const)('accepts %s, recording the type from the bytes and not the .jpg name', async (format, mime) => {
    const bytes = await imageBytes(format, { width: 360, height: 240, colour: '#77aa22' });
    const { photo } = await uploadPhoto(user, uploadOf(bytes, `really-${format}.jpg`));
    expect(photo).toMatchObject({ mime, width: 360, height: 240, originalName: `really-${format}.jpg` });
    expect(fs.readdirSync(folderOf(photo.sha256)).sort()).toEqual(['320.webp', '360.jpg', '360.webp', 'original', 'social.jpg']);
  });
});

describe('uploadPhoto given the same bytes twice', () => {
  it('answers a second upload with the photo already in the library, storing nothing new', async () => {
    const bytes = await imageBytes('jpeg', { width: 400, height: 300, colour: '#225577' });
    const first = await uploadPhoto(user, uploadOf(bytes, 'first.jpg'));
    const second = await uploadPhoto(user, uploadOf(bytes, 'renamed copy.jpg'));

    expect(second).toEqual({ photo: first.photo, duplicate: true });
    expect(rowsFor(first.photo.sha256)).toHaveLength(1);
    expect(auditEntries({ action: 'photo.upload', targetId: first.photo.id })).toHaveLength(1);
    expect(stagingLeftovers()).toEqual([]);
  });

  it('records one photo when the same bytes arrive twice at once', async () => {
    const bytes = await imageBytes('jpeg', { width: 1200, height: 800, colour: '#552277' });
    const sha = sha256Of(bytes);

    const answers = await Promise.all([uploadPhoto(user, uploadOf(bytes, 'a.jpg')), uploadPhoto(user, uploadOf(bytes, 'b.jpg'))]);

    expect(rowsFor(sha)).toHaveLength(1);
    const id = rowsFor(sha)[0]?.id;
    expect(answers.map((answer) => answer.photo.id)).toEqual([id, id]);
    expect(answers.map((answer) => answer.duplicate).sort()).toEqual([false, true]);
    expect(storedFolders().filter((name) => name.endsWith(sha))).toEqual([`${sha.slice(0, 2)}/${sha}`]);
    expect(fs.readdirSync(folderOf(sha)).sort()).toEqual(['1024.webp', '1200.jpg', '1200.webp', '320.webp', '640.webp', 'original', 'social.jpg']);
    expect(stagingLeftovers()).toEqual([]);
    expect(auditEntries({ action: 'photo.upload', targetId: id })).toHaveLength(1);
  });
});

describe('uploadPhoto refusing a file', () => {
  /** The refusal, after checking it names the file and left no row, folder, staging or audit behind. */
  async function refused(upload: Upload, code: ErrorCode) {
    const before = { rows: photoRowCount(), folders: storedFolders(), audit: auditEntries({ action: 'photo.upload' }) };
    const error = await appErrorFromAsync(() => uploadPhoto(user, upload));
    expect(error.code).toBe(code);
    expect(error.message).toContain(`“${upload.fileName}”`);
    expect({ rows: photoRowCount(), folders: storedFolders(), audit: auditEntries({ action: 'photo.upload' }) }).toEqual(before);
    expect(stagingLeftovers()).toEqual([]);
    return error;
  }

  it('refuses a text file named .jpg (UNSUPPORTED_TYPE)', async () => {
    const bytes = Buffer.from('Council meeting notes, not a photo.\n'.repeat(40));
    const error = await refused(uploadOf(bytes, 'story.jpg'), 'UNSUPPORTED_TYPE');
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/not an image format/);
  });

  it('refuses an SVG carrying a script, whatever its name (UNSUPPORTED_TYPE)', async () => {
    const script = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>';
    const declared = await refused(uploadOf(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${script}`), 'logo.jpg'), 'UNSUPPORTED_TYPE');
    expect(declared.message).toMatch(/SVG/);
    await refused(uploadOf(Buffer.from(script), 'logo.jpg'), 'UNSUPPORTED_TYPE');
  });

  it('refuses a JPEG cut short as damaged (INVALID)', async () => {
    const whole = await imageBytes('jpeg', { width: 1200, height: 800, noise: true });
    expect(whole.length).toBeGreaterThan(200_000);
    const error = await refused(uploadOf(whole.subarray(0, whole.length / 2), 'half.jpg'), 'INVALID');
    expect(error.message).toMatch(/damaged or cut short/);
  });

  it('refuses an upload whose sender went away halfway, storing none of it (INVALID)', async () => {
    const whole = await imageBytes('jpeg', { width: 600, height: 400, noise: true });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(whole.subarray(0, whole.length / 2)));
        controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      },
    });
    const error = await refused({ body, fileName: 'dropped.jpg' }, 'INVALID');
    expect(error.message).toBe('The upload of “dropped.jpg” stopped before the whole file arrived.');
  });

  it('refuses a 30 MB body, reading no further once it passes 25 MB (TOO_LARGE)', async () => {
    // Random bytes in 64 KiB chunks, as a request body arrives; counted as they are read.
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (sent >= 30_000_000) return controller.close();
          const chunk = randomBytes(Math.min(65_536, 30_000_000 - sent));
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const error = await refused({ body, fileName: 'huge.jpg' }, 'TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/at most 25 MB/);
    expect(sent).toBeGreaterThan(25_000_000);
    expect(sent).toBeLessThan(26_000_000);
  });

  it('refuses a declared 30 MB upload without reading its body (TOO_LARGE)', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new Uint8Array(1024));
        },
      },
      { highWaterMark: 0 },
    );
    const error = await refused({ body, fileName: 'huge.jpg', declaredBytes: 30_000_000 }, 'TOO_LARGE');
    expect(error.message).toMatch(/is 30 MB; photos may be at most 25 MB/);
    expect(pulled).toBe(false);
  });

  it('refuses a 20,000 × 20,000 PNG that is tiny on disk, before decoding it (TOO_LARGE)', async () => {
    expect(pixelBomb.length).toBeLessThan(2_000_000);
    const error = await refused(uploadOf(pixelBomb, 'poster.png'), 'TOO_LARGE');
    expect(error.message).toMatch(/20,000 × 20,000 px \(400 megapixels\); photos may be at most 50 megapixels/);
  });

  it('refuses an empty file, or none at all (INVALID)', async () => {
    expect((await refused(uploadOf(new Uint8Array(0), 'empty.jpg'), 'INVALID')).message).toMatch(/is empty/);
    expect((await refused({ body: null, fileName: 'missing.jpg' }, 'INVALID')).message).toMatch(/is empty/);
  });
});

describe('uploadPhoto and file names', () => {
  it('keeps only the bare name of a path-traversal name and writes nothing outside DATA_DIR/photos', async () => {
    const fileName = UploadFileName.parse('../../etc/passwd.jpg');
    expect(fileName).toBe('passwd.jpg');
    const bytes = await imageBytes('jpeg', { width: 100, height: 80, colour: '#998877' });

    const { photo } = await uploadPhoto(user, uploadOf(bytes, fileName));

    expect(photo.originalName).toBe('passwd.jpg');
    expect(rowsFor(photo.sha256)[0]?.originalName).toBe('passwd.jpg');
    const stray = filesUnder(dataDir()).filter(
      (file) => !/^dateline\.db(-wal|-shm)?$/.test(file) && !/^photos\/[0-9a-f]{2}\/[0-9a-f]{64}\/(original|social\.jpg|\d+\.(webp|jpg))$/.test(file),
    );
    expect(stray).toEqual([]);
  });
});
