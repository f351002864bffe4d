/**
 * Co-editing (issue 18). The co-editing server (`/collab`: Hocuspocus with Dateline's hooks, as
 * tests/collab-server-process.ts starts it; bench/support/collab-server-measured.ts adds a memory
 * report) runs in a process of its own, with the Node flags and environment of `npm start`, on a
 * fresh database. The editors are real `@hocuspocus/provider`s, each with its own Y.Doc and socket
 * and a real ticket, in another process (bench/support/co-editing-clients.ts). A keystroke is one
 * character typed into the editor's own paragraph of the body, as y-tiptap writes it, and moves
 * their caret (an awareness update). Measured: each keystroke until it is visible in every other
 * editor's document, at 5 keystrokes a second a typist for 30 s,
 *   A.  20 editors in one article, all typing (target p95 < 100 ms);
 *   B′. 200 connections over 50 articles, 4 an article, one typing in each (p95 < 150 ms);
 *   B.  the same 200, all typing (p95 < 150 ms);
 * against baselines measured in the same run: two editors alone in an article, one typing (the
 * whole path with nothing else on it); a bare WebSocket relay (bench/support/ws-relay.ts) carrying
 * A's and B's traffic (the sockets and this machine alone); and the commit that storing one
 * keystroke costs on this disk. Also the server's memory with 0, 1 and 50 articles open, and, as a
 * check that fails the bench, that every update was stored and folded: every typed paragraph is in
 * its article's working copy afterwards.
 * Run: `npm run bench -- co-editing`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, npmStart } from './support/app-server';
import type { ClientsCommand, ClientsReply, TypingReport } from './support/co-editing-clients';
import type { ServerMemory } from './support/collab-server-measured';
import { cpuMeter, loadAverage } from './support/cpu-meter';
import { describeMs, heading, ms, type Summary, summarize, verdict, verdictAtMost } from './support/stats';
import { forkSteered, type SteeredProcess } from './support/steered-process';

const EDITORS = 20;
const RATE = 5;
const TYPING_MS = 30_000;
/** How long after the typing stops every keystroke has to have reached everyone. */
const SETTLE_MS = 120_000;
const SPREAD_ARTICLES = 50;
const PER_ARTICLE = 4;
const STORY_WORDS = 800;
const STORAGE_FLOOR_COMMITS = 1_000;
/** After the last editor leaves, Hocuspocus stores (folds) at once; this is how long we wait for it. */
const FOLD_TIMEOUT_MS = 30_000;
/** Let the server finish with the last connections, and a minor GC happen, before reading its memory. */
const MEMORY_SETTLE_MS = 2_000;

const TARGET_ONE_ARTICLE_P95_MS = 100;
const TARGET_SPREAD_P95_MS = 150;

const SERVER_SCRIPT = 'bench/support/collab-server-measured.ts';
const RELAY_SCRIPT = 'bench/support/ws-relay.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Clients = SteeredProcess<ClientsCommand, ClientsReply>;

export async function benchCoEditing(): Promise<boolean> {
  heading(`Co-editing: keystroke to every other editor, ${EDITORS} editors in one article and ${SPREAD_ARTICLES * PER_ARTICLE} over ${SPREAD_ARTICLES}; server memory per open article`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-co-editing-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DEMO: '0' };
  delete env.ADMIN_EMAIL;
  delete env.ADMIN_PASSWORD;
  const clients: Clients = forkSteered('bench/support/co-editing-clients.ts', "the editors' process", { execArgv: ['--conditions=react-server'], env });
  let server: NodeScript | undefined;
  try {
    const ready = await clients.ask({ kind: 'setup', editors: EDITORS, articles: 2 + SPREAD_ARTICLES, words: STORY_WORDS }, 'ready');
    console.log(
      `newsroom: ${EDITORS} copy editors; ${ready.articleIds.length} stories of ~${STORY_WORDS} words written by a reporter through saveArticle; ` +
        `set up in ${(ready.ms / 1000).toFixed(1)} s (DATA_DIR ${dataDir})`,
    );
    const port = await freePort();
    server = await startNodeScript(SERVER_SCRIPT, { ...env, PORT: String(port) }, { measured: true });
    return await measure(clients, server, `ws://127.0.0.1:${port}/collab`, ready.articleIds);
  } finally {
    await clients.stop();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(clients: Clients, server: NodeScript, url: string, articleIds: number[]): Promise<boolean> {
  const [pairArticle, oneArticle, ...spread] = articleIds as [number, number, ...number[]];
  console.log(
    `server: ${SERVER_SCRIPT} (createCollabServer as npm start makes it, rights re-read every 500 ms) run as npm start runs Node ` +
      `(${server.command}), pid ${server.pid}; editors in their own process, pid ${clients.pid}; load average ${loadAverage()}`,
  );

  heading('Server memory per open article (one idle editor in each; after a full GC)');
  await sleep(MEMORY_SETTLE_MS);
  const none = await server.memory();
  await join(clients, url, 'memory', [{ articleId: spread[0]!, editor: 0 }]);
  await sleep(MEMORY_SETTLE_MS);
  const first = await server.memory();
  await join(clients, url, 'memory', spread.slice(1).map((articleId, i) => ({ articleId, editor: i + 1 })));
  await sleep(MEMORY_SETTLE_MS);
  const all = await server.memory();
  const opened = spread.length;
  console.log(`server with no article open: ${describeMemory(none)}`);
  console.log(`with 1 open:  ${describeMemory(first)}; the first costs ${describeDelta(none, first, 1)} (it also loads Yjs, y-tiptap and the body schema)`);
  console.log(`with ${opened} open: ${describeMemory(all)}; each after the first ${describeDelta(first, all, opened - 1)}; all ${opened}: ${describeDelta(none, all, opened)} each`);
  await clients.ask({ kind: 'leave', group: 'memory' }, 'left');
  await sleep(MEMORY_SETTLE_MS);
  console.log(`once they left (each article folded and unloaded): ${describeMemory(await server.memory())}`);

  heading('Storage floor: the commit each stored keystroke costs, alone (synchronous = FULL: a WAL sync each)');
  const floorBefore = await storageFloor(clients);

  heading(`Baseline: two editors alone in an article, one typing ${RATE} keystrokes a second for ${TYPING_MS / 1000} s`);
  await joinGroup(clients, url, 'pair', [0, 1].map((editor) => ({ articleId: pairArticle, editor })));
  const pair = await typeRound(clients, server, 'pair', 1);
  await clients.ask({ kind: 'leave', group: 'pair' }, 'left');

  heading(`A. ${EDITORS} editors in one article, each typing ${RATE} keystrokes a second for ${TYPING_MS / 1000} s`);
  await joinGroup(clients, url, 'one', Array.from({ length: EDITORS }, (_, editor) => ({ articleId: oneArticle, editor })));
  const one = await typeRound(clients, server, 'one', EDITORS);
  await clients.ask({ kind: 'leave', group: 'one' }, 'left');
  const oneFolds = await checkFolds(clients, 'one');

  const placements = spread.flatMap((articleId, a) => Array.from({ length: PER_ARTICLE }, (_, k) => ({ articleId, editor: (a * PER_ARTICLE + k) % EDITORS })));
  heading(`${SPREAD_ARTICLES * PER_ARTICLE} connections over ${SPREAD_ARTICLES} articles, ${PER_ARTICLE} an article`);
  const beforeSpread = await server.memory();
  await joinGroup(clients, url, 'spread', placements);
  const spreadOpen = await server.memory();
  console.log(`server: ${describeMemory(beforeSpread)} before they joined, ${describeMemory(spreadOpen)} with them`);
  heading(`B′. one typist an article (${SPREAD_ARTICLES * RATE} keystrokes a second in all), the other ${PER_ARTICLE - 1} watching, for ${TYPING_MS / 1000} s`);
  const spreadOneTypist = await typeRound(clients, server, 'spread', 1);
  heading(`B. all ${PER_ARTICLE} typing in each article (${SPREAD_ARTICLES * PER_ARTICLE * RATE} keystrokes a second in all), for ${TYPING_MS / 1000} s`);
  const spreadTyping = await typeRound(clients, server, 'spread', PER_ARTICLE);
  console.log(`server after the typing: ${describeMemory(await server.memory())}`);
  await clients.ask({ kind: 'leave', group: 'spread' }, 'left');
  const spreadFolds = await checkFolds(clients, 'spread');
  console.log(`server once they left: ${describeMemory(await server.memory())}; server log: ${server.describeLog()}`);
  heading('Storage floor again, after the typing');
  const floorAfter = await storageFloor(clients);
  await server.stop();

  heading(`Floor: a bare WebSocket relay (${RELAY_SCRIPT}) carrying the same traffic, frames of A's measured sizes`);
  const relay = await startNodeScript(RELAY_SCRIPT, process.env);
  let relayOne: TypingReport;
  let relaySpread: TypingReport;
  try {
    const relayUrl = `ws://127.0.0.1:${relay.readyWords[1]}`;
    const frames = { updateBytes: Math.round(one.updateBytes + 20), caretBytes: Math.round(one.caretBytes + 20) };
    relayOne = await relayRound(clients, relay, `A's: ${EDITORS} sockets in one room`, { url: relayUrl, rooms: 1, perRoom: EDITORS, ...frames });
    relaySpread = await relayRound(clients, relay, `B's: ${SPREAD_ARTICLES} rooms of ${PER_ARTICLE}`, { url: relayUrl, rooms: SPREAD_ARTICLES, perRoom: PER_ARTICLE, ...frames });
  } finally {
    await relay.stop();
  }

  heading('Co-editing against the baselines (p95 of keystroke → visible to every other editor)');
  const p95 = (report: TypingReport) => summarize(report.everyOther).p95;
  for (const [label, report, floor] of [
    [`A, ${EDITORS} in one article`, one, relayOne],
    [`B′, ${SPREAD_ARTICLES * PER_ARTICLE} over ${SPREAD_ARTICLES}, one typist an article`, spreadOneTypist, relaySpread],
    [`B, ${SPREAD_ARTICLES * PER_ARTICLE} over ${SPREAD_ARTICLES}, all typing`, spreadTyping, relaySpread],
  ] as const) {
    console.log(
      `${label}: ${ms(p95(report))} = ${(p95(report) / p95(pair)).toFixed(2)}× two editors alone (${ms(p95(pair))}), ` +
        `${(p95(report) / p95(floor)).toFixed(2)}× the bare relay with the same traffic (${ms(p95(floor))})`,
    );
  }
  const commitMs = (floorBefore.mean + floorAfter.mean) / 2;
  for (const [label, perSecond] of [
    ['A', EDITORS * RATE],
    ['B′', SPREAD_ARTICLES * RATE],
    ['B', SPREAD_ARTICLES * PER_ARTICLE * RATE],
  ] as const) {
    console.log(
      `${label}: ${perSecond} keystrokes a second, each stored in its own commit before it is acknowledged: ${((perSecond * commitMs) / 10).toFixed(0)}% of the server's one JavaScript thread ` +
        `spent waiting in commits at the floor's mean (${ms(commitMs)}); the floor allows at most ${Math.floor(1000 / commitMs)} a second`,
    );
  }
  console.log('editor route JS (issue 18: < 250 kB compressed, the collaboration client loaded only to edit): measured by `npm run bench -- bundle` once the browser client lands');

  const foldProblems = [...oneFolds.missing, ...spreadFolds.missing];
  const pass = [
    verdict(`A: keystroke → every other editor p95, ${EDITORS} in one article`, p95(one), TARGET_ONE_ARTICLE_P95_MS, 'ms'),
    verdict(`B′: keystroke → every other editor p95, ${SPREAD_ARTICLES * PER_ARTICLE} over ${SPREAD_ARTICLES} articles, one typist an article`, p95(spreadOneTypist), TARGET_SPREAD_P95_MS, 'ms'),
    verdict(`B: keystroke → every other editor p95, ${SPREAD_ARTICLES * PER_ARTICLE} over ${SPREAD_ARTICLES} articles, all typing`, p95(spreadTyping), TARGET_SPREAD_P95_MS, 'ms'),
    verdictAtMost(`deliveries missing ${SETTLE_MS / 1000} s after the typing stopped (A, B′, B)`, [one, spreadOneTypist, spreadTyping].reduce((sum, report) => sum + report.missing, 0), 0, ''),
    verdictAtMost('reconnections while typing (A, B′, B)', [one, spreadOneTypist, spreadTyping].reduce((sum, report) => sum + report.reconnections, 0), 0, ''),
  ].every(Boolean);
  // The figures mean nothing if the typing did not end up in the articles: that is a failure, not a miss.
  if (foldProblems.length > 0) {
    throw new Error(`co-editing bench: typed paragraphs missing from the working copies after the fold: ${foldProblems.slice(0, 5).join('; ')}${foldProblems.length > 5 ? ` and ${foldProblems.length - 5} more` : ''}`);
  }
  return pass;
}

async function join(clients: Clients, url: string, group: string, placements: { articleId: number; editor: number }[]): Promise<void> {
  const joined = await clients.ask({ kind: 'join', url, group, placements }, 'joined');
  if (joined.failures.length > 0) throw new Error(`joining ${group} failed: ${joined.failures.slice(0, 3).join('; ')}`);
}

async function joinGroup(clients: Clients, url: string, group: string, placements: { articleId: number; editor: number }[]): Promise<void> {
  const started = Date.now();
  await join(clients, url, group, placements);
  const articles = new Set(placements.map((placement) => placement.articleId)).size;
  console.log(`joined: ${placements.length} providers in ${articles} article${articles > 1 ? 's' : ''}, each synced, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The first `typists` editors of each article in the group type for TYPING_MS; the figures are printed. */
async function typeRound(clients: Clients, server: NodeScript, group: string, typists: number): Promise<TypingReport> {
  const cpu = cpuMeter([
    { label: 'server', pid: server.pid },
    { label: "editors' process", pid: clients.pid },
  ]);
  const { report } = await clients.ask({ kind: 'type', group, typistsPerArticle: typists, rate: RATE, durationMs: TYPING_MS, settleMs: SETTLE_MS }, 'typed');
  const cpuLine = cpu();
  describeTyping(report);
  console.log(
    `server: ${report.stored} updates stored while typing (${report.keystrokes} keystrokes; each is stored before it is acknowledged), ${report.reconnections} reconnections, ` +
      `${report.folds} folds into working copies (article versions moved on)`,
  );
  console.log(cpuLine);
  return report;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const describeMemory = (memory: ServerMemory) => `RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}, external ${mb(memory.external)}`;
function describeDelta(from: ServerMemory, to: ServerMemory, articles: number): string {
  const kb = (bytes: number) => `${(bytes / 1024 / articles).toFixed(0)} kB`;
  return `RSS ${kb(to.rss - from.rss)}, heap ${kb(to.heapUsed - from.heapUsed)}, external ${kb(to.external - from.external)}`;
}

async function relayRound(
  clients: Clients,
  relay: NodeScript,
  label: string,
  shape: { url: string; rooms: number; perRoom: number; updateBytes: number; caretBytes: number },
): Promise<TypingReport> {
  console.log(`-- ${label}, every socket sending ${RATE} frames of ${shape.updateBytes} B a second (and a ${shape.caretBytes} B caret frame after each) for ${TYPING_MS / 1000} s`);
  const cpu = cpuMeter([
    { label: 'relay', pid: relay.pid },
    { label: "editors' process", pid: clients.pid },
  ]);
  const { report } = await clients.ask({ kind: 'relay', ...shape, rate: RATE, durationMs: TYPING_MS, settleMs: SETTLE_MS }, 'typed');
  const cpuLine = cpu();
  describeTyping(report);
  console.log(cpuLine);
  return report;
}

function describeTyping(report: TypingReport): void {
  const withP99 = (label: string, samples: number[]) => {
    const stats = summarize(samples);
    return `${describeMs(label, stats)}  p99 ${ms(stats.p99)}`;
  };
  console.log(
    `typed: ${report.keystrokes} keystrokes of ${report.scheduled} scheduled (${report.typists} typing, each keystroke to ${report.receiversPerKeystroke} other${report.receiversPerKeystroke > 1 ? 's' : ''}); ` +
      `${report.updateBytes.toFixed(0)} B of Yjs update and ${report.caretBytes.toFixed(0)} B of awareness a keystroke`,
  );
  console.log(withP99('keystroke → visible to every other editor', report.everyOther));
  console.log(withP99('  each delivery (→ one other editor)', report.deliveries));
  if (report.acks.length > 0) console.log(withP99('  keystroke → acknowledged (stored)', report.acks));
  const late = summarize(report.timerLate);
  console.log(
    `missing deliveries after ${SETTLE_MS / 1000} s: ${report.missing}; editors' process: ${report.cpuCores.toFixed(2)} cores, event-loop delay p99 ${ms(report.loopDelayP99)} ` +
      `max ${ms(report.loopDelayMax)}, keystroke timers late p95 ${ms(late.p95)} (its own queueing, not in the figures: each keystroke is timed from when it was typed)`,
  );
}

async function storageFloor(clients: Clients): Promise<Summary> {
  const { times } = await clients.ask({ kind: 'storage-floor', commits: STORAGE_FLOOR_COMMITS }, 'storage-floor');
  const stats = summarize(times);
  console.log(`${describeMs('one stored keystroke: INSERT … RETURNING, commit', stats)}  p99 ${ms(stats.p99)}  mean ${ms(stats.mean)}  (${STORAGE_FLOOR_COMMITS} in a row; load average ${loadAverage()})`);
  return stats;
}

async function checkFolds(clients: Clients, group: string): Promise<{ missing: string[] }> {
  const checked = await clients.ask({ kind: 'check-folds', group, timeoutMs: FOLD_TIMEOUT_MS }, 'folds-checked');
  console.log(
    `fold: every typed paragraph in its working copy for ${checked.complete} of ${checked.articles} article${checked.articles > 1 ? 's' : ''}, ` +
      `${(checked.waitedMs / 1000).toFixed(1)} s after the editors left (${checked.foldsAfter} more folds)${checked.missing.length ? ` — MISSING: ${checked.missing.slice(0, 3).join('; ')}` : ''}`,
  );
  return { missing: checked.missing };
}

type NodeScript = {
  pid: number;
  command: string;
  /** The words of the line that said it was ready ("ready", then whatever the script adds). */
  readyWords: string[];
  /** Its memory after a full GC (bench/support/collab-server-measured.ts only). */
  memory(): Promise<ServerMemory>;
  describeLog(): string;
  stop(): Promise<void>;
};

/** Lines the co-editing server logs that the bench counts. */
const LOGGED = { 'update refused': 'co-editing update refused', 'rights changed': 'co-editing rights changed', 'ticket refused': 'co-editing ticket refused', 'not folded': 'not folded' };

/** Runs a script with Node as `npm start` runs the server (its flags and environment); resolves once it prints "ready". */
async function startNodeScript(script: string, env: NodeJS.ProcessEnv, options: { measured?: boolean } = {}): Promise<NodeScript> {
  const start = npmStart();
  const server = start.nodeArgs.at(-1);
  if (!server?.endsWith('.ts')) throw new Error(`npm start no longer ends with the server's script: ${start.nodeArgs.join(' ')}`);
  const nodeArgs = [...start.nodeArgs.slice(0, -1), ...(options.measured ? ['--expose-gc'] : []), script];
  const child: ChildProcess = spawn(process.execPath, nodeArgs, {
    env: { ...env, ...start.env },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.measured ? (['ipc'] as const) : [])],
  });
  let tail = '';
  const counts = Object.fromEntries(Object.keys(LOGGED).map((key) => [key, 0]));
  const errors: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4000);
    for (const [key, message] of Object.entries(LOGGED)) counts[key]! += text.split(message).length - 1;
    for (const line of text.split('\n')) if (/"level":(50|60)/.test(line)) errors.push(line.slice(0, 300));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const readyWords = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} was not ready within 60 s:\n${tail}`)), 60_000);
    const onData = () => {
      const line = tail.split('\n').find((candidate) => candidate.startsWith('ready'));
      if (!line) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(line.trim().split(/\s+/));
    };
    child.stdout!.on('data', onData);
    void exited.then(() => reject(new Error(`${script} exited before it was ready:\n${tail}`)));
  });
  return {
    pid: child.pid!,
    command: `${Object.entries(start.env)
      .map(([key, value]) => `${key}=${value}`)
      .join(' ')} node ${nodeArgs.join(' ')}`,
    readyWords,
    memory: () =>
      new Promise<ServerMemory>((resolve) => {
        if (!options.measured) throw new Error(`${script} does not report its memory`);
        child.once('message', (memory: ServerMemory) => resolve(memory));
        child.send('memory');
      }),
    describeLog: () =>
      `${Object.entries(counts)
        .map(([key, count]) => `${key} ${count}`)
        .join(', ')}, errors ${errors.length}${errors.length ? ` (${errors.slice(0, 2).join(' | ')})` : ''}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    },
  };
}
