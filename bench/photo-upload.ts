/**
 * Photo upload: a 12-megapixel camera JPEG through `uploadPhoto(user, { body, fileName })` from a
 * file stream until it is stored with all its renditions and recorded, against sharp resizing the
 * same file once to the widest WebP in the same run. Wall time and peak memory:
 *   - each job alone in a fresh process (bench/photo-upload-job.ts), so its peak RSS is its own;
 *   - a batch in a row in one process, where the resident set grows before it levels off;
 *   - the same batch POSTed to `/api/photos` on the production build (bench/photo-upload-server.ts),
 *     skipped with a note when there is no `npm run build`.
 * Run: `npm run bench -- photo-upload`.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import type { PhotoJob, PhotoJobResult } from './photo-upload-job';
import { serverSeries, type ServerSeries } from './photo-upload-server';
import { assertBuilt } from './support/app-server';
import { childEnv } from './support/bench-env';
import { heading, ms, summarize, verdict } from './support/stats';
import { cameraJpeg, writeDistinctCopy } from './support/test-photo';

const WIDTH = 4000;
const HEIGHT = 3000;
/** Fresh processes per kind of job; they run interleaved, so a busy moment hits all kinds alike. */
const ITERATIONS = 5;
/** Runs of two uploads at the same moment in one process: informative, no target. */
const PAIRED_RUNS = 2;
/**
 * Uploads one after another in one process, as a server takes a photographer's batch: the resident
 * set grows over the first several and levels off, so one upload per process understates a server.
 */
const SERIES_LENGTH = 12;
/**
 * glibc gives threads that allocate at once their own malloc arenas (up to 8 per core), and the
 * pixel buffers of libvips's worker threads fragment them; capping the arenas is the usual remedy,
 * measured beside the default with no target.
 */
const FEW_ARENAS = { MALLOC_ARENA_MAX: '2' };
const TARGET_WALL_MS = 1_500;
const TARGET_PEAK_RSS_MB = 400;
/** A job that takes this long has hung: it is killed and the bench fails. */
const JOB_TIMEOUT_MS = 120_000;
/** Above this share of the CPUs used by other processes during a measured job, its time is not clean. */
const QUIET_CPU = 0.1;
const JOB_FILE = path.join(__dirname, 'photo-upload-job.ts');

export async function benchPhotoUpload(): Promise<boolean> {
  heading('4. Photo upload (12 MP JPEG → stored with all renditions)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-photo-'));
  try {
    return await run(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one job in a fresh Node with the same loader and conditions as this one (tsx, react-server). */
function runJob(job: PhotoJob, env: Record<string, string> = {}): Promise<PhotoJobResult> {
  return new Promise((resolve, reject) => {
    const child = fork(JOB_FILE, [JSON.stringify(job)], {
      execArgv: process.execArgv,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let result: PhotoJobResult | undefined;
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message) => {
      result = message as PhotoJobResult;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), JOB_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`photo-upload ${job.kind} job ended with ${signal ?? `exit code ${code}`}:\n${log}`));
    });
  });
}

const mb = (x: number) => `${x.toFixed(0)} MB`;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

function line(label: string, values: readonly number[], show: (x: number) => string): string {
  const s = summarize(values);
  return `${label.padEnd(44)} n=${String(s.n).padStart(5)}  p50 ${show(s.p50).padStart(10)}  max ${show(s.max).padStart(10)}`;
}

/** Copies of the test photos, each with bytes no other copy has, so no upload is a duplicate. */
function copier(dir: string, original: Buffer, small: Buffer) {
  let copies = 0;
  const copy = (jpeg: Buffer) => {
    copies += 1;
    const file = path.join(dir, `photo-${copies}.jpg`);
    writeDistinctCopy(jpeg, `Dateline bench copy ${copies}`, file);
    return file;
  };
  return {
    original: () => copy(original),
    originals: (count: number) => Array.from({ length: count }, () => copy(original)),
    warmup: () => copy(small),
  };
}

async function run(dir: string): Promise<boolean> {
  const started = performance.now();
  const [original, small] = await Promise.all([cameraJpeg(WIDTH, HEIGHT), cameraJpeg(640, 480)]);
  const generatedSeconds = (performance.now() - started) / 1000;
  const copies = copier(dir, original, small);
  const dataDir = path.join(dir, 'data');
  const head = await sharp(original).metadata();
  console.log(
    `original: ${WIDTH} × ${HEIGHT} px (${((WIDTH * HEIGHT) / 1e6).toFixed(0)} MP) JPEG, quality 90, ${head.chromaSubsampling}, ` +
      `${head.isProgressive ? 'progressive' : 'baseline'}, EXIF + XMP; ${(original.length / 1e6).toFixed(2)} MB; generated in ${generatedSeconds.toFixed(1)} s ` +
      `(every upload gets its own copy with a distinct comment segment)`,
  );
  console.log(
    `jobs in fresh processes (node ${process.version}, tsx, --conditions=react-server), warmed up with a 640 × 480 upload or resize first; ` +
      `sharp concurrency ${sharp.concurrency()} thread(s) per image, libuv pool ${process.env.UV_THREADPOOL_SIZE ?? 4}, ${os.cpus().length} CPUs`,
  );

  const baselines: PhotoJobResult[] = [];
  const uploads: PhotoJobResult[] = [];
  const phaseRuns: PhotoJobResult[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    // The baseline and the upload read the very same bytes.
    const file = copies.original();
    baselines.push(await runJob({ kind: 'baseline', file, warmup: copies.warmup(), out: path.join(dir, 'baseline.webp') }));
    uploads.push(await runJob({ kind: 'upload', files: [file], warmup: copies.warmup(), dataDir }));
    phaseRuns.push(await runJob({ kind: 'phases', file: copies.original(), warmup: copies.warmup(), dataDir }));
  }
  const paired: PhotoJobResult[] = [];
  for (let i = 0; i < PAIRED_RUNS; i++) {
    paired.push(await runJob({ kind: 'upload', files: copies.originals(2), warmup: copies.warmup(), dataDir }));
  }
  const seriesJob = (): PhotoJob => ({ kind: 'series', files: copies.originals(SERIES_LENGTH), warmup: copies.warmup(), dataDir });
  const series = await runJob(seriesJob());
  const seriesFewArenas = await runJob(seriesJob(), FEW_ARENAS);

  const single = reportSingle(uploads, baselines);
  reportPhases(phaseRuns, uploads, single.wallP50);
  console.log(`-- two uploads at the same moment in one process (${PAIRED_RUNS} runs; no target)`);
  console.log(line('   both stored, wall time', paired.map((r) => r.wallMs), ms));
  console.log(line('   peak RSS of the process', paired.map((r) => r.peakRssMB), mb));
  console.log(line('   rise during the two uploads', paired.map((r) => r.peakRssMB - r.rssBeforeMB), mb));
  console.log(`-- ${SERIES_LENGTH} uploads one after another in one process (uploadPhoto)`);
  reportSeries('default', series.rssBeforeMB, series.each!, series.peakRssMB);
  reportSeries('MALLOC_ARENA_MAX=2 (no target)', seriesFewArenas.rssBeforeMB, seriesFewArenas.each!, seriesFewArenas.peakRssMB);
  reportOtherProcesses([...uploads, ...baselines, ...phaseRuns, ...paired, series, seriesFewArenas]);

  const server = await runServerLeg(copies);

  const results = [
    verdict('uploadPhoto wall time p50 (one upload per fresh process)', single.wallP50, TARGET_WALL_MS, 'ms'),
    verdict('uploadPhoto wall time max (one upload per fresh process)', single.wallMax, TARGET_WALL_MS, 'ms'),
    verdict('uploadPhoto peak RSS max (one upload per fresh process)', single.peakMax, TARGET_PEAK_RSS_MB, 'MB'),
    verdict(`uploadPhoto wall time max over ${SERIES_LENGTH} in a row in one process`, maxOf(series.each!), TARGET_WALL_MS, 'ms'),
    verdict(`uploadPhoto peak RSS over ${SERIES_LENGTH} in a row in one process`, series.peakRssMB, TARGET_PEAK_RSS_MB, 'MB'),
  ];
  if (server) {
    results.push(
      verdict(`POST /api/photos wall time p50 over ${SERIES_LENGTH} in a row (next start)`, summarize(server.each.map((e) => e.wallMs)).p50, TARGET_WALL_MS, 'ms'),
      verdict(`POST /api/photos wall time max over ${SERIES_LENGTH} in a row (next start)`, maxOf(server.each), TARGET_WALL_MS, 'ms'),
      verdict(`next start peak RSS over ${SERIES_LENGTH} uploads in a row and 2 at once`, server.peakRssMB, TARGET_PEAK_RSS_MB, 'MB'),
    );
  }
  return results.every(Boolean);
}

const maxOf = (each: { wallMs: number }[]) => summarize(each.map((e) => e.wallMs)).max;

/** One upload per fresh process against the baseline; returns the figures the targets need. */
function reportSingle(uploads: PhotoJobResult[], baselines: PhotoJobResult[]) {
  const stored = uploads[0]!.storedBytes![0]!;
  console.log(`stored per upload: the original and ${uploads[0]!.renditionFiles} renditions, ${(stored / 1e6).toFixed(2)} MB`);
  const describe = (label: string, results: PhotoJobResult[], what: string) => {
    console.log(line(label, results.map((r) => r.wallMs), ms));
    console.log(`  each run, in order: ${results.map((r) => `${r.wallMs.toFixed(0)} ms (others ${pct(r.othersCpuShare)})`).join(', ')}`);
    console.log(line('  CPU time (all threads)', results.map((r) => r.cpuMs), ms));
    console.log(line('  peak RSS of the process', results.map((r) => r.peakRssMB), mb));
    console.log(line(`  RSS before the ${what} (warm process)`, results.map((r) => r.rssBeforeMB), mb));
    console.log(line(`  rise over that during the ${what}`, results.map((r) => r.peakRssMB - r.rssBeforeMB), mb));
    return {
      wall: summarize(results.map((r) => r.wallMs)),
      peak: summarize(results.map((r) => r.peakRssMB)),
      rise: summarize(results.map((r) => r.peakRssMB - r.rssBeforeMB)),
    };
  };
  const up = describe('uploadPhoto, wall time', uploads, 'upload');
  const base = describe('baseline: sharp → 1600 px WebP, wall time', baselines, 'resize');
  console.log(
    `ratio upload / baseline: wall p50 ${(up.wall.p50 / base.wall.p50).toFixed(2)}×, max ${(up.wall.max / base.wall.max).toFixed(2)}×; ` +
      `peak RSS p50 ${(up.peak.p50 / base.peak.p50).toFixed(2)}×; RSS rise p50 ${(up.rise.p50 / base.rise.p50).toFixed(2)}×`,
  );
  return { wallP50: up.wall.p50, wallMax: up.wall.max, peakMax: up.peak.max };
}

function reportPhases(phaseRuns: PhotoJobResult[], uploads: PhotoJobResult[], uploadP50: number): void {
  console.log(`-- where the time goes: the steps of uploadPhoto timed one by one (${phaseRuns.length} more fresh processes, other copies)`);
  let stepsP50 = 0;
  for (const [name] of phaseRuns[0]!.phases!) {
    const times = phaseRuns.map((r) => r.phases!.find(([n]) => n === name)![1]);
    // Indented names are diagnostics run after the steps, not part of them.
    if (!name.startsWith(' ')) stepsP50 += summarize(times).p50;
    console.log(`   ${line(name, times, ms)}`);
  }
  const transactions = uploads.map((r) => r.phases![0]![1]);
  console.log(`   ${line('INSERT photo + audit row (timed in uploadPhoto)', transactions, ms)}`);
  console.log(
    `   steps summed, p50: ${ms(stepsP50 + summarize(transactions).p50)}, against uploadPhoto itself, p50: ${ms(uploadP50)} ` +
      `(which also reads the photo's view back and removes the emptied staging folder; other processes, so noisy)`,
  );
  console.log(line('   the steps run as one, wall time', phaseRuns.map((r) => r.wallMs), ms));
  console.log(line('   peak RSS of that process', phaseRuns.map((r) => r.peakRssMB), mb));
}

function reportSeries(label: string, rssBeforeMB: number, each: { wallMs: number; rssMB: number }[], peakRssMB: number): void {
  console.log(`   ${label}: RSS ${mb(rssBeforeMB)} before the first, peak ${mb(peakRssMB)}`);
  console.log(`   ${line('  wall time per upload', each.map((e) => e.wallMs), ms)}`);
  console.log(`     each, in order: ${each.map((e) => e.wallMs.toFixed(0)).join(', ')} ms`);
  console.log(`     RSS after each: ${each.map((e) => e.rssMB.toFixed(0)).join(', ')} MB`);
}

function reportOtherProcesses(all: PhotoJobResult[]): void {
  const noisy = all.filter((r) => r.othersCpuShare > QUIET_CPU);
  const shares = summarize(all.map((r) => r.othersCpuShare));
  console.log(`other processes during the measured jobs: p50 ${pct(shares.p50)}, max ${pct(shares.max)} of the CPUs`);
  if (noisy.length > 0) {
    console.log(
      `WARNING: in ${noisy.length} of ${all.length} jobs other processes used over ${pct(QUIET_CPU)} of the CPUs: ` +
        'those timings are inflated; run again when the machine is quiet.',
    );
  }
}

/** The batch through HTTP on the production build, as `npm start` runs it and with glibc's default malloc arenas. */
async function runServerLeg(copies: ReturnType<typeof copier>): Promise<ServerSeries | undefined> {
  console.log(`-- the same through npm start: ${SERIES_LENGTH} POSTs to /api/photos one after another, then 2 at once`);
  let build: string;
  try {
    build = assertBuilt();
  } catch (error) {
    console.log(`   SKIPPED: ${(error as Error).message}`);
    return undefined;
  }
  console.log(`   build: ${build}; signed in as the admin; RSS of the server process from /proc (VmRSS, peak VmHWM)`);
  const pair = (): [string, string] => [copies.original(), copies.original()];
  // `npm start` caps the arenas itself; glibc's own default is measured beside it, with no target.
  const server = await serverSeries(copies.originals(SERIES_LENGTH), pair());
  const glibcArenas = await serverSeries(copies.originals(SERIES_LENGTH), pair(), { MALLOC_ARENA_MAX: String(8 * os.availableParallelism()) });
  for (const [label, result] of [
    ['as npm start runs it (MALLOC_ARENA_MAX=2)', server],
    ['glibc’s default arenas, 8 per core (no target)', glibcArenas],
  ] as const) {
    reportSeries(`${label}, signed in`, result.rssBeforeMB, result.each, result.peakRssMB);
    console.log(
      `     CPUs ${pct(result.cpuBusyShare)} busy during the series, next-server ${pct(result.serverCpuShare)} ` +
        '(the rest: this client, its browser, anything else)',
    );
    console.log(`     then 2 at once: ${ms(result.pair.wallMs)}, peak RSS so far ${mb(result.pair.peakRssMB)}`);
  }
  return server;
}
