/**
 * The editors of the co-editing bench (bench/co-editing.ts), in a process of their own that the
 * bench forks and steers over IPC, apart from the co-editing server's process: each is a real
 * `@hocuspocus/provider` with its own Y.Doc and its own WebSocket (`ws`), joining with a real
 * ticket (`issueCollabTicket`), as the browser's editor will. They type into the body as Tiptap's
 * y-tiptap binding writes it: each in a paragraph of their own (a Y.XmlElement 'paragraph' holding
 * a Y.XmlText), one character per transaction, and the caret moves with each keystroke (one
 * awareness update, as CollaborationCaret sends).
 *
 * A keystroke is known by its author's Yjs clock after it: it is visible in another editor's
 * document from the first transaction that brings that document's state for the author to that
 * clock. Every keystroke is timed into every other editor's document in its article
 * (performance.now(), one clock for all, since all editors live here).
 *
 * The same process also drives the bench's floor, a bare relay (bench/support/ws-relay.ts): the
 * same rooms, rate and frame sizes over plain `ws` sockets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { DATABASE_PRAGMAS, getDb, sqliteOf } from '@/db/client';
import { bodyPlainText } from '@/lib/editor/body-text';
import type { SessionUser } from '@/lib/session-user';
import { createArticle } from '@/server/articles/create-article';
import { getArticle } from '@/server/articles/queries';
import { saveArticle } from '@/server/articles/save-article';
import { issueCollabTicket } from '@/server/co-editing/collab-ticket';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';
import { storyFields } from '../../tests/factories';
import { newsBody, randomSource } from './copy';

export type ClientsCommand =
  /** Makes `editors` copy editors and, written by a reporter, `articles` stories of about `words` words each. */
  | { kind: 'setup'; editors: number; articles: number; words: number }
  /** Opens a provider per placement (editor index, article id), all in `group`, and waits until each has synced. */
  | { kind: 'join'; url: string; group: string; placements: { articleId: number; editor: number }[] }
  /** The first `typistsPerArticle` editors of each article in the group type at `rate` keystrokes a second for `durationMs`. */
  | { kind: 'type'; group: string; typistsPerArticle: number; rate: number; durationMs: number; settleMs: number }
  | { kind: 'leave'; group: string }
  /** Waits until each article's working copy holds every paragraph its typists wrote, or the time is up. */
  | { kind: 'check-folds'; group: string; timeoutMs: number }
  /** The same rooms and rate over a bare relay: `rooms` × `perRoom` sockets, frames of the given sizes. */
  | { kind: 'relay'; url: string; rooms: number; perRoom: number; rate: number; durationMs: number; settleMs: number; updateBytes: number; caretBytes: number }
  /** `commits` single-row commits like a stored keystroke's, with the app's pragmas, to a scratch file beside the database. */
  | { kind: 'storage-floor'; commits: number }
  | { kind: 'stop' };

/** What a round of typing measured, all times in ms. */
export type TypingReport = {
  typists: number;
  receiversPerKeystroke: number;
  keystrokes: number;
  /** Keystrokes the schedule asked for in the time: fewer typed means this process could not keep up. */
  scheduled: number;
  /** Every keystroke into every other editor's document in its article. */
  deliveries: number[];
  /** Each keystroke until it was visible in the last of the other editors' documents. */
  everyOther: number[];
  /** Each keystroke until the server acknowledged it (stored, then applied). */
  acks: number[];
  /** Deliveries that had not happened when the settle time ran out. */
  missing: number;
  /** How late the keystroke timers fired: this process's own queueing. */
  timerLate: number[];
  /** This process's event-loop delay while typing: p99 and max. */
  loopDelayP99: number;
  loopDelayMax: number;
  cpuCores: number;
  /** Yjs update bytes per keystroke and awareness bytes per caret move, averaged. */
  updateBytes: number;
  caretBytes: number;
  /** Updates stored by the server (its log's sequence) while typing: one a keystroke, unless a reconnection merged some. */
  stored: number;
  /** Sockets that closed while typing (each provider reconnects and sends what the server lacks as one update). */
  reconnections: number;
  /** Folds into working copies while typing (article versions moved on). */
  folds: number;
  ms: number;
};

export type ClientsReply =
  | { kind: 'ready'; articleIds: number[]; ms: number }
  | { kind: 'joined'; clients: number; ms: number; failures: string[] }
  | { kind: 'typed'; report: TypingReport }
  | { kind: 'left' }
  | { kind: 'storage-floor'; times: number[] }
  | { kind: 'folds-checked'; articles: number; complete: number; waitedMs: number; missing: string[]; foldsAfter: number }
  | { kind: 'error'; message: string };

const JOIN_TIMEOUT_MS = 60_000;
/** Providers being opened at once: people arrive over seconds, not in one instant. */
const OPEN_CONCURRENCY = 25;

/** A keystroke: its author's Yjs clock after it, when it was typed, and how many of the `receivers` other documents have it. */
type Keystroke = { clock: number; at: number; seen: number; receivers: number };

type Editor = {
  socket: HocuspocusProviderWebsocket;
  provider: HocuspocusProvider;
  doc: Y.Doc;
  articleId: number;
  name: string;
  /** The paragraphs this editor made and typed into, the last the one it types into now, and what it wrote in each. */
  paragraphs: { text: Y.XmlText; written: string }[];
  keystrokes: Keystroke[];
  /** Keystrokes sent and not yet acknowledged, oldest first: when each was typed. */
  unacked: number[];
  lastUnsynced: number;
  /** Times its socket closed: the server's doing, or the provider giving up on a silent server (30 s), and reconnecting. */
  closes: number;
  /** For each other editor's Yjs client id, how many of their keystrokes this document has. */
  seenUpTo: Map<number, number>;
};

let editors: SessionUser[] = [];
const groups = new Map<string, Editor[]>();
/** Editors by Yjs client id, for the receiving documents to find whose keystroke arrived. */
const byClientId = new Map<number, Editor>();
/** The round being measured: where deliveries and acknowledgements are recorded. */
let round: { deliveries: number[]; everyOther: number[]; acks: number[] } | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const random = randomSource(20261205);

/** Copy editors, who may edit anyone's story: the people in the articles. */
async function makeEditors(count: number): Promise<SessionUser[]> {
  const made: SessionUser[] = [];
  for (let i = 0; i < count; i++) {
    made.push(await createUser(SYSTEM, { email: `desk-${i}@bench.example`, name: `Desk Editor ${i}`, role: 'copy_editor', password: 'bench-password-long' }));
  }
  return made;
}

/** Stories written and saved by a reporter through the real domain, news copy of about `words` words each. */
async function writeStories(count: number, words: number): Promise<number[]> {
  const reporter = await createUser(SYSTEM, { email: 'reporter@bench.example', name: 'Rita Reporter', role: 'editor', password: 'bench-password-long' });
  return Array.from({ length: count }, (_, i) => {
    const { id } = createArticle(reporter);
    saveArticle(reporter, id, { ...storyFields(`Story ${i + 1} on the desk`), body: newsBody(words, i + 1), version: 1 });
    return id;
  });
}

const sqlite = () => sqliteOf(getDb());
/** The server's update log's sequence: how many updates it has ever stored, whatever the folds have compacted since. */
const storedUpdates = () => (sqlite().prepare("SELECT seq FROM sqlite_sequence WHERE name = 'article_collab_updates'").pluck().get() as number | undefined) ?? 0;
/** Every fold into a working copy moves its article's version on (a new revision or the working one rewritten). */
const folds = () => sqlite().prepare('SELECT sum(version) FROM articles').pluck().get() as number;
const workingCopyLines = (articleId: number) => bodyPlainText(getArticle(editors[0]!, articleId).body).split('\n');

async function setup(command: Extract<ClientsCommand, { kind: 'setup' }>): Promise<ClientsReply> {
  const started = performance.now();
  editors = await makeEditors(command.editors);
  const articleIds = await writeStories(command.articles, command.words);
  return { kind: 'ready', articleIds, ms: performance.now() - started };
}

function open(url: string, articleId: number, user: SessionUser, index: number): Editor {
  const doc = new Y.Doc();
  const editor: Editor = {
    doc,
    articleId,
    name: `Editor ${index}`,
    paragraphs: [],
    keystrokes: [],
    unacked: [],
    lastUnsynced: 0,
    closes: 0,
    seenUpTo: new Map(),
    // A socket of its own, as each person's browser has; `ws`, not Node's own WebSocket, so that the
    // editors' process spends as little as it can on the sockets.
    socket: new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket }),
    provider: undefined as unknown as HocuspocusProvider,
  };
  editor.provider = new HocuspocusProvider({
    websocketProvider: editor.socket,
    name: `article:${articleId}`,
    document: doc,
    token: () => issueCollabTicket(user, articleId).ticket,
  });
  editor.provider.attach();
  editor.socket.on('close', () => (editor.closes += 1));
  editor.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    const now = performance.now();
    for (let acked = editor.lastUnsynced - number; acked > 0 && editor.unacked.length > 0; acked--) {
      const at = editor.unacked.shift()!;
      round?.acks.push(now - at);
    }
    editor.lastUnsynced = number;
  });
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local || !round) return;
    const now = performance.now();
    for (const [client, after] of transaction.afterState) {
      if (after <= (transaction.beforeState.get(client) ?? 0)) continue;
      const author = byClientId.get(client);
      if (!author || author === editor) continue;
      let next = editor.seenUpTo.get(client) ?? 0;
      while (next < author.keystrokes.length && author.keystrokes[next]!.clock <= after) {
        const keystroke = author.keystrokes[next++]!;
        round.deliveries.push(now - keystroke.at);
        if (++keystroke.seen === keystroke.receivers) round.everyOther.push(now - keystroke.at);
      }
      editor.seenUpTo.set(client, next);
    }
  });
  byClientId.set(doc.clientID, editor);
  return editor;
}

const settled = (editor: Editor) => editor.provider.isSynced && !editor.provider.hasUnsyncedChanges;

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

async function join(command: Extract<ClientsCommand, { kind: 'join' }>): Promise<ClientsReply> {
  const started = performance.now();
  const group = groups.get(command.group) ?? [];
  groups.set(command.group, group);
  const failures: string[] = [];
  for (let from = 0; from < command.placements.length; from += OPEN_CONCURRENCY) {
    const batch = command.placements.slice(from, from + OPEN_CONCURRENCY).map(({ articleId, editor }) => {
      const joined = open(command.url, articleId, editors[editor % editors.length]!, editor);
      joined.provider.on('authenticationFailed', ({ reason }: { reason: string }) => failures.push(`${joined.name} refused: ${reason}`));
      return joined;
    });
    group.push(...batch);
    if (!(await waitFor(() => batch.every(settled), JOIN_TIMEOUT_MS))) failures.push(`${batch.filter((editor) => !settled(editor)).length} providers not synced within ${JOIN_TIMEOUT_MS / 1000} s`);
  }
  return { kind: 'joined', clients: group.length, ms: performance.now() - started, failures };
}

/** The paragraph an editor types into, made at the end of the body as pressing Enter there would. */
function startParagraph(editor: Editor, index: number): void {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  text.insert(0, `${editor.name} (${index}) writes: `);
  paragraph.insert(0, [text]);
  const body = editor.doc.getXmlFragment('body');
  body.insert(body.length, [paragraph]);
  editor.paragraphs.push({ text, written: text.toString() });
}

/** What each typist types, a letter at a time: news copy, different for each. */
function copyFor(seed: number, letters: number): string {
  let copy = '';
  for (let part = 0; copy.length < letters; part++) {
    const body = newsBody(60, seed * 100 + part);
    copy += body.content.map((block) => ('content' in block && block.content ? block.content.map((inline) => ('text' in inline ? inline.text : '')).join('') : '')).join(' ');
  }
  return copy.slice(0, letters);
}

function typistsOf(group: Editor[], perArticle: number): Editor[] {
  const counts = new Map<number, number>();
  return group.filter((editor) => {
    const count = counts.get(editor.articleId) ?? 0;
    counts.set(editor.articleId, count + 1);
    return count < perArticle;
  });
}

/** How a round of typing on the clock went in this process: its own queueing, not the server's. */
type Clockwork = Pick<TypingReport, 'scheduled' | 'timerLate' | 'loopDelayP99' | 'loopDelayMax' | 'cpuCores' | 'ms'>;

/**
 * `typists` each press a key `rate` times a second for `durationMs`, on the clock from a random
 * phase (as live coverage's entries): a late keystroke does not push the next ones back. `press`
 * gets the typist, the keystroke's number and when it was pressed (performance.now()).
 */
async function typeOnTheClock(typists: number, rate: number, durationMs: number, press: (typist: number, n: number, at: number) => void): Promise<Clockwork> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu = process.cpuUsage();
  const timerLate: number[] = [];
  const period = 1000 / rate;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    Array.from({ length: typists }, async (_, typist) => {
      let due = started + random() * period;
      for (let n = 0; due < end; n++, due += period) {
        await sleep(Math.max(0, due - performance.now()));
        const at = performance.now();
        timerLate.push(at - due);
        press(typist, n, at);
      }
    }),
  );
  const ms = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu);
  loop.disable();
  return {
    scheduled: Math.round(typists * (durationMs / period)),
    timerLate,
    loopDelayP99: loop.percentile(99) / 1e6,
    loopDelayMax: loop.max / 1e6,
    cpuCores: (cpuUsed.user + cpuUsed.system) / 1000 / ms,
    ms,
  };
}

async function type(command: Extract<ClientsCommand, { kind: 'type' }>): Promise<ClientsReply> {
  const group = groups.get(command.group) ?? [];
  const typists = typistsOf(group, command.typistsPerArticle);
  typists.forEach((editor, index) => startParagraph(editor, index));
  // Everyone has everyone's paragraph before the clock starts: only keystrokes are timed.
  await waitFor(() => group.every(settled), 10_000);
  await sleep(500);

  const receivers = new Map<number, number>();
  for (const editor of group) receivers.set(editor.articleId, (receivers.get(editor.articleId) ?? 0) + 1);
  for (const [articleId, count] of receivers) receivers.set(articleId, count - 1);
  round = { deliveries: [], everyOther: [], acks: [] };
  for (const editor of group) {
    editor.keystrokes = [];
    editor.unacked = [];
    editor.seenUpTo = new Map([...byClientId.keys()].map((client) => [client, 0]));
  }
  const storedBefore = storedUpdates();
  const closesBefore = group.reduce((sum, editor) => sum + editor.closes, 0);
  const foldsBefore = folds();
  let updateBytes = 0;
  let caretBytes = 0;
  const countBytes = (update: Uint8Array) => (updateBytes += update.byteLength);
  const copies = typists.map((_, index) => copyFor(index + 1, Math.ceil((command.durationMs / 1000) * command.rate) + 10));
  const clockwork = await typeOnTheClock(typists.length, command.rate, command.durationMs, (typist, n, at) => {
    const editor = typists[typist]!;
    const paragraph = editor.paragraphs.at(-1)!;
    const { text } = paragraph;
    const letter = copies[typist]![n % copies[typist]!.length]!;
    editor.doc.on('update', countBytes);
    text.insert(text.length, letter);
    editor.doc.off('update', countBytes);
    paragraph.written += letter;
    editor.keystrokes.push({ clock: Y.getState(editor.doc.store, editor.doc.clientID), at, seen: 0, receivers: receivers.get(editor.articleId)! });
    editor.unacked.push(at);
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    editor.provider.setAwarenessField('cursor', { anchor: caret, head: caret });
    caretBytes += encodeAwarenessUpdate(editor.provider.awareness!, [editor.doc.clientID]).byteLength;
  });
  const keystrokes = typists.flatMap((editor) => editor.keystrokes);
  const expected = keystrokes.length;
  await waitFor(() => keystrokes.every((keystroke) => keystroke.seen === keystroke.receivers) && group.every(settled), command.settleMs);
  const report: TypingReport = {
    ...clockwork,
    typists: typists.length,
    receiversPerKeystroke: Math.max(...receivers.values()),
    keystrokes: expected,
    deliveries: round.deliveries,
    everyOther: round.everyOther,
    acks: round.acks,
    missing: keystrokes.reduce((sum, keystroke) => sum + keystroke.receivers - keystroke.seen, 0),
    updateBytes: updateBytes / Math.max(1, expected),
    caretBytes: caretBytes / Math.max(1, expected),
    stored: storedUpdates() - storedBefore,
    reconnections: group.reduce((sum, editor) => sum + editor.closes, 0) - closesBefore,
    folds: folds() - foldsBefore,
  };
  round = undefined;
  return { kind: 'typed', report };
}

async function leave(command: Extract<ClientsCommand, { kind: 'leave' }>): Promise<ClientsReply> {
  for (const editor of groups.get(command.group) ?? []) {
    editor.provider.destroy();
    editor.socket.destroy();
    byClientId.delete(editor.doc.clientID);
  }
  return { kind: 'left' };
}

async function checkFolds(command: Extract<ClientsCommand, { kind: 'check-folds' }>): Promise<ClientsReply> {
  const started = performance.now();
  const foldsBefore = folds();
  const typedInto = new Map<number, string[]>();
  for (const editor of groups.get(command.group) ?? []) {
    if (editor.paragraphs.length > 0) typedInto.set(editor.articleId, [...(typedInto.get(editor.articleId) ?? []), ...editor.paragraphs.map(({ written }) => written)]);
  }
  const lacking = () => [...typedInto].flatMap(([articleId, paragraphs]) => {
    const lines = new Set(workingCopyLines(articleId));
    return paragraphs.filter((paragraph) => !lines.has(paragraph)).map((paragraph) => `article ${articleId}: "${paragraph.slice(0, 40)}…"`);
  });
  await waitFor(() => lacking().length === 0, command.timeoutMs);
  const missing = lacking();
  groups.delete(command.group);
  const incomplete = new Set(missing.map((line) => line.split(':')[0]));
  return {
    kind: 'folds-checked',
    articles: typedInto.size,
    complete: typedInto.size - incomplete.size,
    waitedMs: performance.now() - started,
    missing,
    foldsAfter: folds() - foldsBefore,
  };
}

async function relay(command: Extract<ClientsCommand, { kind: 'relay' }>): Promise<ClientsReply> {
  const sockets: WebSocket[] = [];
  const rounds = { deliveries: [] as number[], everyOther: [] as number[] };
  const pending = new Map<string, { at: number; seen: number }>();
  for (let room = 0; room < command.rooms; room++) {
    for (let member = 0; member < command.perRoom; member++) {
      const socket = new WebSocket(`${command.url}/room-${room}`);
      sockets.push(socket);
      socket.binaryType = 'nodebuffer';
      socket.on('message', (data: Buffer) => {
        if (data[0] !== 1) return;
        const now = performance.now();
        const key = `${data.readUInt32LE(1)}:${data.readUInt32LE(5)}`;
        const keystroke = pending.get(key);
        if (!keystroke) return;
        rounds.deliveries.push(now - keystroke.at);
        if (++keystroke.seen === command.perRoom - 1) {
          rounds.everyOther.push(now - keystroke.at);
          pending.delete(key);
        }
      });
    }
  }
  await Promise.all(sockets.map((socket) => new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))));
  await sleep(500);
  let keystrokes = 0;
  const clockwork = await typeOnTheClock(sockets.length, command.rate, command.durationMs, (sender, n, at) => {
    const frame = Buffer.alloc(Math.max(9, command.updateBytes));
    frame[0] = 1;
    frame.writeUInt32LE(sender, 1);
    frame.writeUInt32LE(n, 5);
    pending.set(`${sender}:${n}`, { at, seen: 0 });
    keystrokes += 1;
    sockets[sender]!.send(frame);
    sockets[sender]!.send(Buffer.alloc(command.caretBytes, 2));
  });
  await waitFor(() => pending.size === 0, command.settleMs);
  const missing = [...pending.values()].reduce((sum, keystroke) => sum + command.perRoom - 1 - keystroke.seen, 0);
  for (const socket of sockets) socket.close();
  const report: TypingReport = {
    ...clockwork,
    typists: sockets.length,
    receiversPerKeystroke: command.perRoom - 1,
    keystrokes,
    deliveries: rounds.deliveries,
    everyOther: rounds.everyOther,
    acks: [],
    missing,
    updateBytes: command.updateBytes,
    caretBytes: command.caretBytes,
    stored: 0,
    reconnections: 0,
    folds: 0,
  };
  return { kind: 'typed', report };
}

/**
 * What storing one keystroke costs on this disk, alone: the insert the server makes for each update
 * (store-update.ts: a row of ~20 bytes, its own transaction, synchronous = FULL, so one WAL sync),
 * on a scratch file in the same directory with the same pragmas, timed commit by commit.
 */
function storageFloor(command: Extract<ClientsCommand, { kind: 'storage-floor' }>): ClientsReply {
  const file = path.join(path.dirname(sqlite().name), 'storage-floor.db');
  const scratch = new Database(file);
  try {
    for (const pragma of DATABASE_PRAGMAS) scratch.pragma(pragma);
    scratch.exec('CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, article_id INTEGER NOT NULL, update_bytes BLOB NOT NULL, user_id INTEGER, received_at INTEGER NOT NULL)');
    const insert = scratch.prepare('INSERT INTO updates (article_id, update_bytes, user_id, received_at) VALUES (?, ?, ?, ?) RETURNING id');
    const update = Buffer.alloc(20, 7);
    const times: number[] = [];
    for (let i = 0; i < command.commits; i++) {
      const started = performance.now();
      insert.get(1, update, 1, Date.now());
      times.push(performance.now() - started);
    }
    return { kind: 'storage-floor', times };
  } finally {
    scratch.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
}

async function answer(command: ClientsCommand): Promise<ClientsReply | undefined> {
  switch (command.kind) {
    case 'setup':
      return setup(command);
    case 'join':
      return join(command);
    case 'type':
      return type(command);
    case 'leave':
      return leave(command);
    case 'check-folds':
      return checkFolds(command);
    case 'relay':
      return relay(command);
    case 'storage-floor':
      return storageFloor(command);
    case 'stop':
      for (const group of groups.values()) for (const editor of group) editor.socket.destroy();
      process.exit(0);
  }
}

process.on('message', (command: ClientsCommand) => {
  answer(command)
    .then((reply) => reply && process.send!(reply))
    .catch((error: unknown) => process.send!({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ClientsReply));
});
