/**
 * One measured job of the photo-upload benchmark (bench/photo-upload.ts), alone in a fresh process:
 * the kernel's peak resident set for a process (`maxRSS`) is then that job's and nothing else's.
 * The parent forks this file with tsx's loader, sends nothing, reads one result over IPC:
 *   photo-upload-job.ts '<PhotoJob as JSON>'
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { SessionUser } from '@/lib/session-user';
import { setEnv } from './support/bench-env';
import { machineCpuMs } from './support/cpu-time';

export type PhotoJob =
  /** sharp alone: the original once to a 1600 px WebP, the widest rendition's settings. */
  | { kind: 'baseline'; file: string; warmup: string; out: string }
  /** `uploadPhoto` of each file; two files go up at the same moment. */
  | { kind: 'upload'; files: string[]; warmup: string; dataDir: string }
  /** `uploadPhoto` of each file, one after another, as a server takes a photographer's batch. */
  | { kind: 'series'; files: string[]; warmup: string; dataDir: string }
  /** The steps `uploadPhoto` takes, timed one by one, then each rendition made on its own. */
  | { kind: 'phases'; file: string; warmup: string; dataDir: string };

export type PhotoJobResult = {
  wallMs: number;
  /** User + system CPU time of the measured part, all threads. */
  cpuMs: number;
  /**
   * The share of all CPUs' time that other processes used during the measured part: the machine's
   * busy time less this process's. Above a few percent, something competed with the job.
   */
  othersCpuShare: number;
  /** Resident set just before the measured part: Node, the loader and the modules, warmed up. */
  rssBeforeMB: number;
  /** The process's peak resident set over its whole life. */
  peakRssMB: number;
  /** Phase name → ms, in the order they ran. */
  phases?: [string, number][];
  /** For a series: each upload's wall time, the resident set after it, and the peak so far. */
  each?: { wallMs: number; rssMB: number; peakRssMB: number }[];
  /** Bytes written per upload: the original plus its renditions. */
  storedBytes?: number[];
  renditionFiles?: number;
};

/** Decimal megabytes from the kilobytes (KiB) that getrusage reports. */
const peakRssMB = () => (process.resourceUsage().maxRSS * 1024) / 1e6;
const rssMB = () => process.memoryUsage().rss / 1e6;

async function measured(
  run: () => Promise<unknown>,
): Promise<Pick<PhotoJobResult, 'wallMs' | 'cpuMs' | 'othersCpuShare' | 'rssBeforeMB'>> {
  const rssBeforeMB = rssMB();
  const busy = machineCpuMs().busy;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const othersMs = Math.max(0, machineCpuMs().busy - busy - cpuMs);
  return { wallMs, cpuMs, othersCpuShare: othersMs / (wallMs * os.cpus().length), rssBeforeMB };
}

/** The encoder settings of server/photos/make-renditions.ts, for one rendition made on its own. */
function rendition(input: string, width: number, format: 'webp' | 'jpeg', out: string) {
  const resized = sharp(input, { autoOrient: true, failOn: 'warning' }).resize({ width, withoutEnlargement: true });
  const encoded =
    format === 'webp'
      ? resized.webp({ quality: 80, effort: 3 })
      : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, progressive: true, mozjpeg: true });
  return encoded.toFile(out);
}

async function baseline(job: Extract<PhotoJob, { kind: 'baseline' }>): Promise<PhotoJobResult> {
  // Loads libvips and its JPEG and WebP code before the clock starts, as a running server has.
  await rendition(job.warmup, 320, 'webp', job.out);
  const result = await measured(() => rendition(job.file, 1600, 'webp', job.out));
  return { ...result, peakRssMB: peakRssMB() };
}

/** The app's modules, imported only once DATA_DIR is set. */
async function loadApp(dataDir: string, warmupFile: string) {
  // The app reads its environment once, on first use.
  setEnv({ DATA_DIR: dataDir, DEMO: '0', ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  const [{ getDb }, upload, store, queries, inspect, metadata, renditions, receive, names, { makeUser }] = await Promise.all([
    import('@/db/client'),
    import('@/server/photos/upload-photo'),
    import('@/server/photos/photo-store'),
    import('@/server/photos/queries'),
    import('@/server/photos/inspect-photo'),
    import('@/server/photos/read-file-metadata'),
    import('@/server/photos/make-renditions'),
    import('@/server/photos/receive-upload'),
    import('@/lib/photos/renditions'),
    import('../tests/factories'),
  ]);
  getDb(); // opens and migrates the database
  const user = await makeUser('editor', 'Bench Photo Editor');
  const app = { ...upload, ...store, ...queries, ...inspect, ...metadata, ...renditions, ...receive, ...names, getDb, user };
  // One small upload first: file-type, exifr, sharp and the SQL statements are loaded and warm.
  await uploadFile(app.uploadPhoto, user, 'warm-up.jpg', warmupFile);
  return app;
}
type App = Awaited<ReturnType<typeof loadApp>>;

const bodyOf = (file: string) => Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;

async function uploadFile(uploadPhoto: App['uploadPhoto'], user: SessionUser, fileName: string, file: string) {
  const result = await uploadPhoto(user, { body: bodyOf(file), fileName, declaredBytes: fs.statSync(file).size });
  if (result.duplicate) throw new Error(`${fileName} came back as a duplicate: the bench must upload distinct bytes`);
  return result.photo;
}

function storedFiles(dataDir: string, sha256: string): string[] {
  const folder = path.join(dataDir, 'photos', sha256.slice(0, 2), sha256);
  return fs.readdirSync(folder).map((name) => path.join(folder, name));
}

/**
 * Times every transaction on the process's connection: in uploadPhoto that is the one that inserts
 * the photo row and its audit entry. The drizzle instance is the app's own (getDb keeps one).
 */
function timeTransactions(db: ReturnType<App['getDb']>): number[] {
  const times: number[] = [];
  const transaction = db.transaction.bind(db);
  db.transaction = ((...args: Parameters<typeof transaction>) => {
    const t0 = performance.now();
    try {
      return transaction(...args);
    } finally {
      times.push(performance.now() - t0);
    }
  }) as typeof transaction;
  return times;
}

async function upload(job: Extract<PhotoJob, { kind: 'upload' }>): Promise<PhotoJobResult> {
  const app = await loadApp(job.dataDir, job.warmup);
  const transactions = timeTransactions(app.getDb());
  let photos: Awaited<ReturnType<typeof uploadFile>>[] = [];
  const result = await measured(async () => {
    photos = await Promise.all(job.files.map((file, i) => uploadFile(app.uploadPhoto, app.user, `bench-${i + 1}.jpg`, file)));
  });
  const peak = peakRssMB();
  if (transactions.length !== job.files.length) throw new Error(`expected one transaction per upload, saw ${transactions.length}`);
  const stored = photos.map((photo) => storedFiles(job.dataDir, photo.sha256));
  const expected = app.renditionsFor(photos[0]!).length + 1;
  for (const [i, files] of stored.entries()) {
    if (files.length !== expected) throw new Error(`upload ${i + 1} stored ${files.length} files, expected the original and ${expected - 1} renditions`);
  }
  if (!photos.every((photo) => photo.caption && photo.photographer)) throw new Error('the XMP caption and creator were not prefilled');
  return {
    ...result,
    peakRssMB: peak,
    phases: transactions.map((ms) => ['INSERT photo + audit row (transaction)', ms]),
    storedBytes: stored.map((files) => files.reduce((sum, file) => sum + fs.statSync(file).size, 0)),
    renditionFiles: expected - 1,
  };
}

async function series(job: Extract<PhotoJob, { kind: 'series' }>): Promise<PhotoJobResult> {
  const app = await loadApp(job.dataDir, job.warmup);
  const each: NonNullable<PhotoJobResult['each']> = [];
  const result = await measured(async () => {
    for (const [i, file] of job.files.entries()) {
      const t0 = performance.now();
      await uploadFile(app.uploadPhoto, app.user, `bench-series-${i + 1}.jpg`, file);
      each.push({ wallMs: performance.now() - t0, rssMB: rssMB(), peakRssMB: peakRssMB() });
    }
  });
  return { ...result, peakRssMB: peakRssMB(), each };
}

async function phases(job: Extract<PhotoJob, { kind: 'phases' }>): Promise<PhotoJobResult> {
  const app = await loadApp(job.dataDir, job.warmup);
  const fileName = 'bench-phases.jpg';
  const timings: [string, number][] = [];
  const time = async <T>(name: string, step: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const value = await step();
    timings.push([name, performance.now() - t0]);
    return value;
  };
  // The same calls, in the same order, as uploadPhoto; the database insert is left out.
  const result = await measured(async () => {
    const staging = await time('create staging folder', () => app.createStaging());
    const received = await time('receive + SHA-256 (stream to disk)', () =>
      app.receiveUpload(bodyOf(job.file), staging, fileName, fs.statSync(job.file).size),
    );
    await time('duplicate lookup (SELECT by hash)', () => app.findPhotoIdBySha(app.getDb(), received.sha256));
    const inspected = await time('inspect (file-type, sharp header)', () => app.inspectPhoto(received.file, fileName));
    await time('metadata (exifr: EXIF, IPTC, XMP)', () => app.readFileMetadata(received.file, inspected.iptc));
    await time(`renditions (${app.renditionsFor(inspected).length}, as made: in parallel)`, () =>
      app.makeRenditions(received.file, staging, inspected, fileName),
    );
    await time('commit (rename into the store)', () => app.commitStaging(received.sha256, staging));
  });
  const peak = peakRssMB();

  // Diagnostics, after the peak was read: what each rendition costs alone, and a full decode.
  const scratch = fs.mkdtempSync(path.join(job.dataDir, 'phases-'));
  try {
    const { width, height } = await app.inspectPhoto(job.file, fileName);
    for (const { width: w, format } of app.renditionsFor({ width, height })) {
      await time(`  alone: ${w} px ${format}`, () => rendition(job.file, w, format, path.join(scratch, `${w}.${format}`)));
    }
    await time('  alone: 1600 px resize, not encoded (raw pixels)', () => sharp(job.file).resize({ width: 1600 }).raw().toBuffer());
    await time('  alone: decode the whole original to pixels', () => sharp(job.file).raw().toBuffer());
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { ...result, peakRssMB: peak, phases: timings };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as PhotoJob;
  const result =
    job.kind === 'baseline'
      ? await baseline(job)
      : job.kind === 'upload'
        ? await upload(job)
        : job.kind === 'series'
          ? await series(job)
          : await phases(job);
  await new Promise<void>((resolve, reject) => process.send!(result, (error: Error | null) => (error ? reject(error) : resolve())));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
