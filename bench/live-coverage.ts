/**
 * Live coverage under a crowd, against the production server (`npm start`; needs `npm run build`):
 * one published live story; ten editors autosave their own stories about once a second, first on a
 * quiet server (the baseline), then while 2,000 readers hold the story's event stream
 * (`GET /live/<id>/events`, each on its own connection, in a process of their own) and a reporter
 * posts an entry every second for 60 s. Half-way, a tenth of the readers lose their connection and
 * resume with Last-Event-ID after the server's `retry`, as EventSource does. Prints each entry's
 * delivery latency to each reader (receive time − the entry's postedAt), the entries each reader
 * missed, the autosave round-trip under that load against the quiet one, and the server's memory
 * per open stream. Run: `npm run bench -- live-coverage`.
 */
import { randomBytes } from 'node:crypto';
import { type BodyDoc, plainTextToDoc } from '@/lib/article-body';
import { assertBuilt, type RunningApp, startApp } from './support/app-server';
import { newsBody, randomSource } from './support/copy';
import { cpuMeter, loadAverage } from './support/cpu-meter';
import type { ReaderReport, ReadersCommand, ReadersReply } from './support/live-readers';
import { DeskSession, saveFields } from './support/newsroom-client';
import { runScript } from './support/npm-script';
import { forkSteered, type SteeredProcess } from './support/steered-process';
import { residentMb } from './support/process-memory';
import { describeMs, heading, ms, summarize, verdict, verdictAtMost } from './support/stats';

const READERS = 2_000;
const EDITORS = 10;
const AUTOSAVE_EVERY_MS = 1_000;
const QUIET_MS = 20_000;
const ENTRIES = 60;
const ENTRY_EVERY_MS = 1_000;
/** After this many entries (about 30 s in), every tenth reader loses its connection. */
const DROP_AFTER_ENTRIES = 30;
const DROP_EVERY = 10;
/** Connections being opened at once: a crowd arrives over seconds, and the accept queue is finite. */
const OPEN_CONCURRENCY = 50;
/** How long after the last entry every reader has to have every entry. */
const SETTLE_TIMEOUT_MS = 15_000;
const STORY_WORDS = 600;
const ENTRY_WORDS = 80;
/** `user:create` runs at once: each is a Node process loading the app's modules. */
const USER_CREATE_CONCURRENCY = 3;
const PASSWORD = `live-${randomBytes(18).toString('base64url')}`;
/**
 * Every reader connects from 127.0.0.1, which the per-address limit (50 by default: a household or
 * an office behind one address) would refuse past the 50th. Twice the crowd leaves room for the
 * dropped tenth reconnecting before the server has seen their old sockets close.
 */
const SERVER_ENV = { LIVE_STREAMS_PER_ADDRESS: String(READERS * 2) };

const TARGET_DELIVERY_P95_MS = 1_000;
const TARGET_MISSED = 0;
const TARGET_AUTOSAVE_RATIO = 2;

const random = randomSource(20261205);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchLiveCoverage(): Promise<boolean> {
  heading(`Live coverage: ${READERS.toLocaleString('en')} readers' event streams, an entry a second for ${ENTRIES} s, ${EDITORS} editors autosaving`);
  console.log(`build: ${assertBuilt()}`);
  let slowReadersDropped = 0;
  const app = await startApp(SERVER_ENV, {
    onOutput: (text) => (slowReadersDropped += text.split('live stream: slow reader dropped').length - 1),
  });
  const readers = forkReaders();
  try {
    const pass = await measure(app, readers);
    console.log(`server log: ${slowReadersDropped} slow readers dropped`);
    return pass;
  } finally {
    await readers.stop();
    await app.stop();
  }
}

type Editor = { session: DeskSession; id: number; version: number; story: BodyDoc; tick: number };

async function measure(app: RunningApp, readers: Readers): Promise<boolean> {
  console.log(
    `server: npm start on ${app.baseUrl} with LIVE_STREAMS_PER_ADDRESS=${SERVER_ENV.LIVE_STREAMS_PER_ADDRESS} (every reader is on 127.0.0.1; the default is 50 an address); ` +
      `load average ${loadAverage()}`,
  );
  const { editors, reporter, storyId } = await newsroom(app);

  heading(`Quiet: ${EDITORS} editors autosaving about once a second, ${QUIET_MS / 1000} s, no readers`);
  const rssStart = residentMb(app.pid);
  const quiet = await quietAutosaves(app, readers, editors, 'quiet');

  heading(`${READERS.toLocaleString('en')} readers open the story's event stream`);
  const rssBefore = residentMb(app.pid);
  const opened = await readers.ask({ kind: 'open', url: `${app.baseUrl}/live/${storyId}/events`, readers: READERS, concurrency: OPEN_CONCURRENCY }, 'opened');
  // Let the server finish with the last connections before reading its memory.
  await sleep(2_000);
  const rssOpen = residentMb(app.pid);
  const perStreamKb = ((rssOpen - rssBefore) * 1024) / opened.open;
  console.log(
    `open: ${opened.open} of ${READERS} in ${(opened.ms / 1000).toFixed(1)} s (${OPEN_CONCURRENCY} being opened at a time), failures ${opened.failures.length}` +
      `${opened.failures.length ? ` (${[...new Set(opened.failures)].slice(0, 3).join('; ')})` : ''}`,
  );
  console.log(
    `server RSS: ${rssBefore.toFixed(0)} MB before, ${rssOpen.toFixed(0)} MB with ${opened.open} streams open: ` +
      `${perStreamKb.toFixed(1)} kB a stream (the delta / ${opened.open}); readers' process ${residentMb(readers.pid).toFixed(0)} MB`,
  );

  heading(`Load: an entry every ${ENTRY_EVERY_MS / 1000} s for ${ENTRIES} s to ${opened.open} readers, ${EDITORS} editors autosaving; every ${DROP_EVERY}th reader cut off after entry ${DROP_AFTER_ENTRIES}`);
  const loadCpu = cpuMeter([
    { label: 'server', pid: app.pid },
    { label: "readers' process", pid: readers.pid },
  ]);
  const [underLoad, posting] = await Promise.all([autosaveFor(editors, ENTRIES * ENTRY_EVERY_MS), postEntries(reporter, storyId, readers)]);
  const cpuLine = loadCpu();
  const settled = await readers.ask({ kind: 'settle', entryIds: posting.entryIds, timeoutMs: SETTLE_TIMEOUT_MS }, 'settled');
  const rssEnd = residentMb(app.pid);

  const delivery = deliveryFigures(settled.readers, posting.entryIds);
  console.log(cpuLine);
  console.log(
    `entries posted: ${posting.entryIds.length} of ${ENTRIES}, failures ${posting.failures.length}${posting.failures.length ? ` (${posting.failures.slice(0, 3).join('; ')})` : ''}; ` +
      `cut off: ${posting.dropped} readers after entry ${DROP_AFTER_ENTRIES}`,
  );
  console.log(describeMs('entry POST /api/articles/:id/live/entries', summarize(posting.times)));
  console.log(describeAutosaves('autosave PUT /api/articles/:id, under load', underLoad));
  // Does sending an entry to 2,000 sockets (one synchronous loop, then a write each) hold up the
  // desk? Split the autosaves by whether they were sent while an entry was being posted or sent
  // (by when they were sent, not whether they overlapped one: a long autosave would overlap more).
  const windows = posting.entryIds.map((id) => [posting.postedAt.get(id)!, posting.postedAt.get(id)! + (delivery.fanOutMs.get(id) ?? 0)] as const);
  const during: number[] = [];
  const between: number[] = [];
  underLoad.times.forEach((time, i) => {
    const sent = underLoad.sentAt[i]!;
    (windows.some(([from, to]) => sent >= from && sent < to) ? during : between).push(time);
  });
  console.log(`${describeMs('  sent while an entry was posted or sent', summarize(during))}  p99 ${ms(summarize(during).p99)}`);
  console.log(`${describeMs('  the others', summarize(between))}  p99 ${ms(summarize(between).p99)}`);
  console.log(
    `delivery, receive time − entry.postedAt (postedAt is taken as the posting transaction starts, so this includes the transaction; ` +
      `readers' clock = server's clock, one machine):`,
  );
  console.log(`${describeMs('  every entry to every reader', delivery.all)}  p99 ${ms(delivery.all.p99)}`);
  console.log(`${describeMs('  on an open stream', delivery.live)}  p99 ${ms(delivery.live.p99)}`);
  console.log(`${describeMs('  replayed to a resumed stream (missed while away)', delivery.replayed)}  p99 ${ms(delivery.replayed.p99)}`);
  console.log(`${describeMs('  last reader of each entry, open streams', delivery.lastReader)}`);
  console.log(
    `every reader had every entry ${settled.complete ? `${(settled.waitedMs / 1000).toFixed(1)} s after the load ended` : `NOT within ${SETTLE_TIMEOUT_MS / 1000} s of the load's end`}; ` +
      `entries missed: ${delivery.missed} (${delivery.readersMissing} readers missing any, ${delivery.forcedMissing} of them among the ${delivery.forced} cut off); ` +
      `duplicates ${delivery.duplicates}; reconnections ${delivery.reconnects}; drops nobody asked for ${delivery.unplannedDrops}; refusals ${delivery.refusals}; reloads ${delivery.reloads}`,
  );

  console.log(`server RSS at the end: ${rssEnd.toFixed(0)} MB (${rssOpen.toFixed(0)} MB when the streams had opened, ${rssBefore.toFixed(0)} MB before, ${rssStart.toFixed(0)} MB before the quiet autosaves)`);

  // The machine is shared: the same quiet autosaves once more, after the readers have gone, show
  // how much of a difference is the load measured and how much the machine's own drift.
  await readers.stop();
  await sleep(2_000);
  console.log(`server RSS once the readers had gone: ${residentMb(app.pid).toFixed(0)} MB`);
  heading('Quiet again, after the readers left (not judged: how far the machine drifted)');
  const quietAfter = await quietAutosaves(app, readers, editors, 'quiet, after');
  // Were the streams the memory the load phase added, or was it the desk's requests?
  console.log(`server RSS after these autosaves: ${residentMb(app.pid).toFixed(0)} MB`);

  const quietP95 = summarize(quiet.times).p95;
  const loadP95 = summarize(underLoad.times).p95;
  const afterP95 = summarize(quietAfter.times).p95;
  console.log(
    `autosave p95: ${ms(quietP95)} quiet, ${ms(loadP95)} under load (${(loadP95 / quietP95).toFixed(2)}×), ${ms(afterP95)} quiet again after ` +
      `(under load / after: ${(loadP95 / afterP95).toFixed(2)}×; the other processes' CPU in each window is above)`,
  );
  return [
    verdict('entry delivery p95 (every entry to every reader)', delivery.all.p95, TARGET_DELIVERY_P95_MS, 'ms'),
    verdictAtMost('entries missed (all readers, across the forced disconnect)', delivery.missed, TARGET_MISSED, ''),
    verdictAtMost('autosave p95 under load / quiet', loadP95 / quietP95, TARGET_AUTOSAVE_RATIO, '×'),
    verdictAtMost('failed autosaves and posts', quiet.failures.length + underLoad.failures.length + quietAfter.failures.length + posting.failures.length, 0, ''),
  ].every(Boolean);
}

/** Ten editors, each with a ~600-word story of their own; a reporter; a published live story. */
async function newsroom(app: RunningApp): Promise<{ editors: Editor[]; reporter: DeskSession; storyId: number }> {
  const started = Date.now();
  const emails = [...Array.from({ length: EDITORS }, (_, i) => `live-editor-${i}@bench.example`), 'live-reporter@bench.example'];
  await createEditors(app.dataDir, emails);
  const sessions = await Promise.all(emails.map((email) => DeskSession.signIn(app.baseUrl, email, PASSWORD)));
  const reporter = sessions.pop()!;
  const editors = await Promise.all(
    sessions.map(async (session, i): Promise<Editor> => {
      const story = newsBody(STORY_WORDS, i + 1);
      return { session, story, tick: 0, ...(await session.newDraft(`Story ${i} on the desk`, story)) };
    }),
  );

  // The desk (the admin) makes and publishes the live story, as the copy desk would; the reporter posts to it.
  const desk = await DeskSession.signIn(app.baseUrl, app.adminEmail, app.adminPassword);
  const draft = await desk.newDraft('Storm hits the coast: live', plainTextToDoc('Follow the storm as it comes ashore.'));
  const live = await desk.makeLive(draft.id);
  if (!live.ok) throw new Error(`making the story live failed: ${live.status} ${live.error}`);
  const current = await desk.article(draft.id);
  const published = await desk.workflow(draft.id, { action: 'publish', version: current.data!.version });
  if (!published.ok) throw new Error(`publishing the live story failed: ${published.status} ${published.error}`);
  console.log(
    `newsroom: ${EDITORS} editors and a reporter (npm run user:create), each editor's own ${STORY_WORDS}-word story, ` +
      `live story ${draft.id} published at /news/${published.data!.slug}; set up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return { editors, reporter, storyId: draft.id };
}

async function createEditors(dataDir: string, emails: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: USER_CREATE_CONCURRENCY }, async () => {
      while (next < emails.length) {
        const email = emails[next++]!;
        const name = email.split('@')[0]!.replace(/-/g, ' ');
        const run = await runScript('scripts/user-create.ts', ['--email', email, '--name', name, '--role', 'editor', '--password-stdin'], dataDir, PASSWORD);
        if (run.code !== 0) throw new Error(`npm run user:create for ${email} failed:\n${run.output}`);
      }
    }),
  );
}

/** Round-trip times, and when each was sent (epoch ms), in the same order. */
type Autosaves = { times: number[]; sentAt: number[]; failures: string[]; ms: number };

async function quietAutosaves(app: RunningApp, readers: Readers, editors: Editor[], label: string): Promise<Autosaves> {
  const cpu = cpuMeter([{ label: 'server', pid: app.pid }, ...(readers.running ? [{ label: "readers' process", pid: readers.pid }] : [])]);
  const autosaves = await autosaveFor(editors, QUIET_MS);
  console.log(describeAutosaves(`autosave PUT /api/articles/:id, ${label}`, autosaves));
  console.log(cpu());
  return autosaves;
}

/** Each editor autosaves about once a second, a sentence longer each time, as someone typing. */
async function autosaveFor(editors: Editor[], duration: number): Promise<Autosaves> {
  const started = Date.now();
  const deadline = started + duration;
  const times: number[] = [];
  const sentAt: number[] = [];
  const failures: string[] = [];
  await Promise.all(
    editors.map(async (editor, i) => {
      await sleep(random() * AUTOSAVE_EVERY_MS);
      while (Date.now() < deadline) {
        // Half to one and a half seconds apart: a fixed period would lock each editor's saves to one
        // phase of the entries posted every second, and either always or never meet their sending.
        const due = Date.now() + AUTOSAVE_EVERY_MS * (0.5 + random());
        editor.tick += 1;
        const body: BodyDoc = { type: 'doc', content: [...editor.story.content, ...plainTextToDoc(`Typed at tick ${editor.tick}.`).content] };
        sentAt.push(Date.now());
        const result = await editor.session.save(editor.id, saveFields(`Story ${i} on the desk`, body), editor.version, 'autosave');
        times.push(result.ms);
        if (result.ok && result.data) editor.version = result.data.version;
        else failures.push(`autosave ${result.status} ${result.error ?? ''}`);
        await sleep(Math.max(0, due - Date.now()));
      }
    }),
  );
  return { times, sentAt, failures, ms: Date.now() - started };
}

function describeAutosaves(label: string, autosaves: Autosaves): string {
  const stats = summarize(autosaves.times);
  const rate = stats.n / (autosaves.ms / 1000);
  return `${describeMs(label, stats)}  p99 ${ms(stats.p99)}  (${rate.toFixed(1)}/s, ${autosaves.failures.length} failed)`;
}

/** An entry every second on the clock (a slow post does not push the next ones back); cuts off a tenth of the readers half-way. */
async function postEntries(
  reporter: DeskSession,
  storyId: number,
  readers: Readers,
): Promise<{ entryIds: number[]; postedAt: Map<number, number>; times: number[]; failures: string[]; dropped: number }> {
  const started = Date.now();
  const entryIds: number[] = [];
  const postedAt = new Map<number, number>();
  const times: number[] = [];
  const failures: string[] = [];
  let dropped = 0;
  for (let i = 0; i < ENTRIES; i++) {
    await sleep(Math.max(0, started + i * ENTRY_EVERY_MS - Date.now()));
    const body = newsBody(ENTRY_WORDS, 1_000 + i);
    const result = await reporter.postLiveEntry(storyId, { headline: `Update ${i + 1}: the storm`, body, authorIds: [] });
    times.push(result.ms);
    if (result.ok && result.data) {
      entryIds.push(result.data.id);
      postedAt.set(result.data.id, Date.parse(result.data.postedAt));
    } else failures.push(`post ${result.status} ${result.error ?? ''}`);
    if (i + 1 === DROP_AFTER_ENTRIES) dropped = (await readers.ask({ kind: 'drop', every: DROP_EVERY }, 'dropped')).readers;
  }
  return { entryIds, postedAt, times, failures, dropped };
}

function deliveryFigures(reports: ReaderReport[], entryIds: number[]) {
  const all: number[] = [];
  const live: number[] = [];
  const replayed: number[] = [];
  const lastReader = new Map<number, number>();
  let missed = 0;
  let readersMissing = 0;
  let forcedMissing = 0;
  for (const reader of reports) {
    const got = new Set<number>();
    for (const [entryId, latency, wasReplayed] of reader.deliveries) {
      got.add(entryId);
      all.push(latency);
      (wasReplayed ? replayed : live).push(latency);
      if (!wasReplayed) lastReader.set(entryId, Math.max(lastReader.get(entryId) ?? 0, latency));
    }
    const lacking = entryIds.filter((id) => !got.has(id)).length;
    missed += lacking;
    if (lacking > 0) {
      readersMissing += 1;
      if (reader.forced) forcedMissing += 1;
    }
  }
  const sum = (key: 'duplicates' | 'reconnects' | 'unplannedDrops' | 'refusals' | 'reloads') => reports.reduce((total, reader) => total + reader[key], 0);
  return {
    all: summarize(all),
    live: summarize(live),
    replayed: summarize(replayed),
    lastReader: summarize([...lastReader.values()]),
    /** Per entry, how long after its postedAt its last reader on an open stream had it. */
    fanOutMs: lastReader,
    missed,
    readersMissing,
    forcedMissing,
    forced: reports.filter((reader) => reader.forced).length,
    duplicates: sum('duplicates'),
    reconnects: sum('reconnects'),
    unplannedDrops: sum('unplannedDrops'),
    refusals: sum('refusals'),
    reloads: sum('reloads'),
  };
}

type Readers = SteeredProcess<ReadersCommand, ReadersReply>;

/** The readers' process (bench/support/live-readers.ts), one question at a time. */
const forkReaders = (): Readers => forkSteered<ReadersCommand, ReadersReply>('bench/support/live-readers.ts', "the readers' process");
