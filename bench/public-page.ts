/**
 * Public story page throughput: the demo's richest published story (lead photo, inline photo,
 * body) requested by autocannon over 32 connections from `next start`, against the same server
 * sending the stylesheet that page links (a file from `.next/static`, of similar size) in the same
 * run. The page is an ISR page served from the in-memory page cache, and every request to it
 * passes through `proxy.ts` (a SQLite lookup for withdrawn and moved stories): both are measured.
 * Two conditions: as browsers ask (`accept-encoding: gzip, deflate, br`; the targets are judged
 * on it) and raw (no compression asked). Needs `npm run build`. Run: `npm run bench -- public-page`.
 */
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon, { type Result } from 'autocannon';
import { assertBuilt, type RunningApp, startApp } from './support/app-server';
import { machineCpuMs, processCpuMs } from './support/cpu-time';
import { mainThreadMs } from './support/main-thread-time';
import { heading, kB, ms, verdict } from './support/stats';

const STORY_PATH = '/news/central-bank-holds-rates-signals-cut-in-spring';
const CONNECTIONS = 32;
const RUN_SECONDS = 10;
/**
 * Runs of each URL per condition. Runs alternate static, page and the conditions, so a busy moment
 * on the machine hits all four alike.
 */
const RUNS = 2;
/** Load on each URL before the measured runs, so both are past the JIT's warm-up. */
const WARMUP_SECONDS = 2;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 100;
/** Above this share of the CPUs used by processes other than the server and this one, a run is not clean. */
const QUIET_CPU = 0.1;

const CONDITIONS = [
  { key: 'browser', title: '(a) as browsers ask: accept-encoding: gzip, deflate, br', headers: { 'accept-encoding': 'gzip, deflate, br' } },
  { key: 'raw', title: '(b) raw: no accept-encoding header, nothing compressed (no target; not how readers ask)', headers: {} },
] as const;
type Condition = (typeof CONDITIONS)[number];

type Target = { kind: 'static' | 'page'; label: string; path: string };

/** One autocannon run and what the CPUs did meanwhile, in cores (CPU ms per wall ms). */
type Run = {
  target: Target;
  result: Result;
  wallMs: number;
  serverCores: number;
  /** next-server's JavaScript thread: on a CPU, and runnable but waiting for one. */
  serverMainCores: number;
  serverMainWaiting: number;
  selfCores: number;
  busyCores: number;
  /** The page's x-nextjs-cache just before and just after its run. */
  cacheStates: string[];
  /** Failed requests, or the page not from the cache; any makes the run, and the bench, invalid. */
  problems: string[];
};

export async function benchPublicPage(): Promise<boolean> {
  heading(`5. Public story page vs a static file, same next start (autocannon, ${CONNECTIONS} connections)`);
  console.log(`build: ${assertBuilt()}`);
  // As `npm start` runs the server.
  const app = await startApp({ DEMO: '1', MALLOC_ARENA_MAX: '2' });
  try {
    return await run(app);
  } finally {
    await app.stop();
  }
}

type Probe = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** One GET with exactly these headers (fetch would add its own accept-encoding and decompress). */
function probe(url: string, headers: Record<string, string>): Promise<Probe> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The story page as a reader gets it from the page cache; the first request renders it. */
async function storyHit(app: RunningApp, headers: Record<string, string>): Promise<Probe> {
  for (let i = 0; i < 5; i++) {
    const page = await probe(`${app.baseUrl}${STORY_PATH}`, headers);
    if (page.status !== 200) throw new Error(`${STORY_PATH} answered ${page.status}; is the demo newsroom seeded (DEMO=1)?`);
    if (page.headers['x-nextjs-cache'] === 'HIT') return page;
  }
  throw new Error(`${STORY_PATH} was not a page-cache HIT after 5 requests`);
}

const encoding = (p: Probe) => p.headers['content-encoding'] ?? 'identity';

async function run(app: RunningApp): Promise<boolean> {
  const cpus = os.cpus().length;
  const rawPage = await storyHit(app, {});
  const stylesheets = [...rawPage.body.toString().matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((m) => m[1]!);
  if (stylesheets.length !== 1) throw new Error(`expected the story page to link one stylesheet, found ${stylesheets.length}`);
  const targets: Target[] = [
    { kind: 'static', label: 'stylesheet (static file)', path: stylesheets[0]! },
    { kind: 'page', label: 'story page (ISR, proxy)', path: STORY_PATH },
  ];
  const rawCss = await probe(`${app.baseUrl}${targets[0]!.path}`, {});
  const gzPage = await storyHit(app, CONDITIONS[0].headers);
  const gzCss = await probe(`${app.baseUrl}${targets[0]!.path}`, CONDITIONS[0].headers);
  console.log(`server: next start, DEMO=1 (the seeded demo newsroom), MALLOC_ARENA_MAX=2 as \`npm start\`; next-server pid ${app.pid}`);
  console.log(
    `page:     ${STORY_PATH}: ${kB(rawPage.body.length)} of HTML; asked for gzip/br: ${encoding(gzPage)}, ${kB(gzPage.body.length)} ` +
      `(x-nextjs-cache: ${gzPage.headers['x-nextjs-cache']}; cache-control: ${gzPage.headers['cache-control']})`,
  );
  console.log(
    `baseline: ${targets[0]!.path}, the one stylesheet the page links: ${kB(rawCss.body.length)}; asked for gzip/br: ${encoding(gzCss)}, ${kB(gzCss.body.length)} ` +
      `(cache-control: ${gzCss.headers['cache-control']})`,
  );
  console.log(
    `method: autocannon ${CONNECTIONS} keep-alive connections, closed loop (each sends its next request when the answer is in), in this process; ` +
      `${RUN_SECONDS} s runs, ${RUNS} of each URL per condition, in turn: (a) stylesheet, (a) page, (b) stylesheet, (b) page, again; ` +
      `after ${WARMUP_SECONDS} s of load on each URL in each condition; ` +
      'req/s = responses / run time; latency from autocannon\'s histogram (whole ms); bytes per response on the wire, headers included; ' +
      'the page is checked to come from the page cache (x-nextjs-cache HIT or STALE) before and after each of its runs; every response must be 2xx; ' +
      '"others": the share of the CPUs used by processes other than next-server and this one during the run',
  );
  console.log(
    `NOTE: autocannon runs on the same ${cpus} CPUs as the server and takes a share of them (the CPU lines say how much): ` +
      'these are the figures of one machine loading and serving at once, not of the server alone.',
  );

  const byCondition = new Map<Condition['key'], Run[]>(CONDITIONS.map((c) => [c.key, []]));
  for (const condition of CONDITIONS) {
    for (const target of targets) await load(app, target, condition, WARMUP_SECONDS);
  }
  for (let i = 0; i < RUNS; i++) {
    for (const condition of CONDITIONS) {
      for (const target of targets) byCondition.get(condition.key)!.push(await measure(app, target, condition));
    }
  }

  const problems: string[] = [];
  let noisy = 0;
  const verdictFigures = new Map<Condition['key'], { ratio: number; pageP99: number }>();
  for (const condition of CONDITIONS) {
    const runs = byCondition.get(condition.key)!;
    console.log(`-- ${condition.title}`);
    verdictFigures.set(condition.key, report(runs, cpus));
    for (const r of runs) problems.push(...r.problems.map((p) => `${condition.key}, ${r.target.label}: ${p}`));
    noisy += runs.filter((r) => othersShare(r, cpus) > QUIET_CPU).length;
  }
  if (noisy > 0) {
    console.log(
      `WARNING: in ${noisy} of ${CONDITIONS.length * RUNS * targets.length} runs other processes used over ${pct(QUIET_CPU)} of the CPUs: ` +
        'the figures are lowered; run again when the machine is quiet.',
    );
  }
  if (problems.length > 0) console.log(`INVALID: failed requests or a page not from the cache:\n  ${problems.join('\n  ')}`);

  const browser = verdictFigures.get('browser')!;
  const results = [
    atLeast('story page / static file, requests per second, (a) as browsers ask', browser.ratio, TARGET_RATIO),
    verdict(`story page p99 latency, (a) as browsers ask, worst of ${RUNS} runs, ${CONNECTIONS} connections`, browser.pageP99, TARGET_P99_MS, 'ms'),
  ];
  return problems.length === 0 && results.every(Boolean);
}

/** Load that is not measured: the warm-up. */
async function load(app: RunningApp, target: Target, condition: Condition, seconds: number): Promise<void> {
  const result = await autocannon({ url: `${app.baseUrl}${target.path}`, connections: CONNECTIONS, duration: seconds, headers: { ...condition.headers } });
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`warm-up of ${target.path} had ${result.errors} errors and ${result.non2xx} non-2xx answers`);
}

async function measure(app: RunningApp, target: Target, condition: Condition): Promise<Run> {
  const problems: string[] = [];
  const cacheStates: string[] = [];
  const checkHit = async (when: string) => {
    if (target.kind !== 'page') return;
    const page = await probe(`${app.baseUrl}${target.path}`, { ...condition.headers });
    const state = String(page.headers['x-nextjs-cache']);
    cacheStates.push(state);
    // STALE is still the cached page: Next sends it and re-renders in the background (revalidate = 60).
    if (state !== 'HIT' && state !== 'STALE') problems.push(`${when} the run the page was x-nextjs-cache: ${state}, not from the page cache`);
  };
  await checkHit('before');
  const machineBefore = machineCpuMs();
  const serverBefore = processCpuMs(app.pid);
  const mainBefore = mainThreadMs(app.pid);
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon({ url: `${app.baseUrl}${target.path}`, connections: CONNECTIONS, duration: RUN_SECONDS, headers: { ...condition.headers } });
  const wallMs = performance.now() - started;
  const self = process.cpuUsage(selfBefore);
  const machineAfter = machineCpuMs();
  const serverCores = (processCpuMs(app.pid) - serverBefore) / wallMs;
  const mainAfter = mainThreadMs(app.pid);
  await checkHit('after');
  if (result.errors > 0) problems.push(`${result.errors} connection errors (${result.timeouts} timeouts)`);
  if (result.non2xx > 0) {
    const codes = Object.entries(result.statusCodeStats).filter(([code]) => !code.startsWith('2'));
    problems.push(`${result.non2xx} non-2xx answers: ${codes.map(([code, { count }]) => `${count} × ${code}`).join(', ')}`);
  }
  return {
    target,
    result,
    wallMs,
    serverCores,
    serverMainCores: (mainAfter.onCpu - mainBefore.onCpu) / wallMs,
    serverMainWaiting: (mainAfter.waiting - mainBefore.waiting) / wallMs,
    selfCores: (self.user + self.system) / 1000 / wallMs,
    busyCores: (machineAfter.busy - machineBefore.busy) / wallMs,
    cacheStates,
    problems,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const perSecond = (r: Run) => r.result.requests.total / r.result.duration;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const othersShare = (r: Run, cpus: number) => Math.max(0, r.busyCores - r.serverCores - r.selfCores) / cpus;

/** The runs of one condition as a table, the ratio and where the CPUs went; returns the target figures. */
function report(runs: Run[], cpus: number): { ratio: number; pageP99: number } {
  // Runs are stored in the order made: static, page, static, page.
  console.log(
    `   ${'run'.padEnd(4)}${'URL'.padEnd(27)}${'req/s'.padStart(8)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'max'.padStart(10)}` +
      `${'bytes/resp'.padStart(12)}${'2xx'.padStart(9)}${'non-2xx'.padStart(9)}${'errors'.padStart(8)}${'others'.padStart(8)}`,
  );
  for (const [i, r] of runs.entries()) {
    const { latency, requests, throughput } = r.result;
    console.log(
      `   ${String(Math.floor(i / 2) + 1).padEnd(4)}${r.target.label.padEnd(27)}${perSecond(r).toFixed(0).padStart(8)}` +
        `${ms(latency.p50, 0).padStart(10)}${ms(latency.p99, 0).padStart(10)}${ms(latency.max, 0).padStart(10)}` +
        `${kB(throughput.total / requests.total).padStart(12)}${String(requests.total).padStart(9)}` +
        `${String(r.result.non2xx).padStart(9)}${String(r.result.errors).padStart(8)}${pct(othersShare(r, cpus)).padStart(8)}`,
    );
  }
  const of = (kind: Target['kind']) => runs.filter((r) => r.target.kind === kind);
  const staticRate = mean(of('static').map(perSecond));
  const pageRate = mean(of('page').map(perSecond));
  const ratio = pageRate / staticRate;
  const states = of('page').flatMap((r) => r.cacheStates);
  console.log(
    `   x-nextjs-cache of the page before and after each of its runs: ${states.join(', ')}` +
      (states.includes('STALE')
        ? ' (STALE: the cached page was over a minute old, the page\'s `revalidate = 60`; Next sent it and re-rendered it in the background, as it does for readers once a minute)'
        : ''),
  );
  console.log(`   mean req/s: stylesheet ${staticRate.toFixed(0)}, story page ${pageRate.toFixed(0)} -> page / static ${ratio.toFixed(2)}×`);
  for (const kind of ['static', 'page'] as const) {
    const these = of(kind);
    const wall = these.reduce((sum, r) => sum + r.wallMs, 0);
    const cores = (pick: (r: Run) => number) => these.reduce((sum, r) => sum + pick(r) * r.wallMs, 0) / wall;
    const server = cores((r) => r.serverCores);
    const main = cores((r) => r.serverMainCores);
    const mainWaiting = cores((r) => r.serverMainWaiting);
    const self = cores((r) => r.selfCores);
    const busy = cores((r) => r.busyCores);
    const responses = these.reduce((sum, r) => sum + r.result.requests.total, 0);
    console.log(
      `   CPU during the ${these[0]!.target.label} runs, in cores of ${cpus}: next-server ${server.toFixed(2)} ` +
        `(${ms((server * wall) / responses)} per response), autocannon (this process) ${self.toFixed(2)}, ` +
        `other processes ${Math.max(0, busy - server - self).toFixed(2)}, idle ${Math.max(0, cpus - busy).toFixed(2)}`,
    );
    console.log(
      `     next-server's JavaScript thread on a CPU ${pct(main)} of the time, runnable but waiting for a CPU ${pct(mainWaiting)}; ` +
        `its other threads (GC, libuv's pool: zlib) ${(server - main).toFixed(2)} cores`,
    );
  }
  return { ratio, pageP99: Math.max(...of('page').map((r) => r.result.latency.p99)) };
}

/** Prints a higher-is-better target's verdict, as `verdict` does for the lower-is-better ones. */
function atLeast(name: string, figure: number, target: number): boolean {
  const pass = figure >= target;
  const short = pass ? '' : ` (short by ${(target - figure).toFixed(2)}×, ${(figure / target).toFixed(2)} of the target)`;
  console.log(`TARGET ${name}: ${figure.toFixed(2)}× vs ≥ ${target.toFixed(2)}× -> ${pass ? 'PASS' : 'MISS'}${short}`);
  return pass;
}
