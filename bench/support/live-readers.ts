/**
 * A crowd of readers of one live story's event stream, in a process of its own that
 * bench/live-coverage.ts forks and steers over IPC: reading thousands of streams (a socket, a
 * parser and a JSON.parse per frame each) then never holds up the bench's own timers, nor the
 * autosave round-trips it times. Each reader has its own connection, and when its stream drops
 * does what EventSource does: waits the server's `retry`, reconnects with its Last-Event-ID and
 * resumes. It records, per reader, each entry it received and how long after the entry's postedAt.
 */
import type { EventSourceMessage } from 'eventsource-parser';
import { type EventStream, openEventStream } from '../../tests/event-stream';

export type ReadersCommand =
  | { kind: 'open'; url: string; readers: number; concurrency: number }
  /** Cuts every `every`-th reader's connection, as a dropped mobile connection or a proxy would. */
  | { kind: 'drop'; every: number }
  /** Reports once every reader has every one of these entries, or the time is up. */
  | { kind: 'settle'; entryIds: number[]; timeoutMs: number }
  | { kind: 'stop' };

/** One entry as a reader got it: its id, receive time − postedAt in ms, and 1 when replayed on resuming. */
export type Delivery = [entryId: number, latencyMs: number, replayed: 0 | 1];

export type ReaderReport = {
  forced: boolean;
  deliveries: Delivery[];
  /** Entries received twice (a resume that sent again what the reader had). */
  duplicates: number;
  /** Connections opened after the first. */
  reconnects: number;
  /** Drops nobody here asked for: the server's, or a failed connection. */
  unplannedDrops: number;
  /** Answers other than 200 (429, 503) to a connection attempt. */
  refusals: number;
  /** `reload` events: the server could not replay what the reader missed. */
  reloads: number;
};

export type ReadersReply =
  | { kind: 'opened'; open: number; failures: string[]; ms: number }
  | { kind: 'dropped'; readers: number }
  | { kind: 'settled'; complete: boolean; waitedMs: number; readers: ReaderReport[] };

/** What EventSource waits before reconnecting when the server has not said (its default is about this). */
const DEFAULT_RETRY_MS = 2_000;

type Reader = Omit<ReaderReport, 'deliveries'> & {
  stream?: EventStream;
  lastEventId?: string;
  /** Set while a drop asked for here is under way, so it is not counted as the server's. */
  dropping: boolean;
  received: Map<number, Delivery>;
};

let url = '';
let stopping = false;
const readers: Reader[] = [];
/** Every reader gets the same frame: its JSON is parsed once, by event id. */
const entriesByEventId = new Map<string, { id: number; postedAt: number }>();

function entryOf(event: EventSourceMessage): { id: number; postedAt: number } {
  let entry = entriesByEventId.get(event.id!);
  if (!entry) {
    const data = JSON.parse(event.data) as { entry: { id: number; postedAt: string } };
    entry = { id: data.entry.id, postedAt: Date.parse(data.entry.postedAt) };
    entriesByEventId.set(event.id!, entry);
  }
  return entry;
}

function receive(reader: Reader, event: EventSourceMessage, resumedAt: number | null): void {
  const receivedAt = Date.now();
  if (event.event === 'reload') reader.reloads += 1;
  if (event.event !== 'entry' || !event.id) return;
  const entry = entryOf(event);
  if (reader.received.has(entry.id)) {
    reader.duplicates += 1;
    return;
  }
  // Posted before this resumed connection was asked for: missed while away, and sent on resuming.
  const replayed = resumedAt !== null && entry.postedAt < resumedAt ? 1 : 0;
  reader.received.set(entry.id, [entry.id, receivedAt - entry.postedAt, replayed]);
}

/** Opens the reader's stream; resolves with an error's text if it could not. */
async function connect(reader: Reader): Promise<string | null> {
  const resumedAt = reader.reconnects > 0 ? Date.now() : null;
  let stream: EventStream;
  try {
    stream = await openEventStream(url, { lastEventId: reader.lastEventId, keepEvents: false, onEvent: (event) => receive(reader, event, resumedAt) });
  } catch (error) {
    reader.unplannedDrops += 1;
    reconnectLater(reader, DEFAULT_RETRY_MS);
    return error instanceof Error ? error.message : String(error);
  }
  if (stream.status === 204) return 'coverage ended (204)';
  if (stream.status !== 200) {
    stream.close();
    reader.refusals += 1;
    reconnectLater(reader, Number(stream.headers['retry-after'] ?? 2) * 1000);
    return `HTTP ${stream.status}`;
  }
  reader.stream = stream;
  void stream.closed.then(() => {
    reader.lastEventId = stream.lastEventId ?? reader.lastEventId;
    reader.stream = undefined;
    if (stopping) return;
    if (reader.dropping) reader.dropping = false;
    else reader.unplannedDrops += 1;
    reconnectLater(reader, stream.retry ?? DEFAULT_RETRY_MS);
  });
  return null;
}

function reconnectLater(reader: Reader, ms: number): void {
  if (stopping) return;
  setTimeout(() => {
    if (stopping) return;
    reader.reconnects += 1;
    void connect(reader);
  }, ms);
}

async function open(count: number, concurrency: number): Promise<ReadersReply> {
  const started = Date.now();
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    readers.push({ forced: false, duplicates: 0, reconnects: 0, unplannedDrops: 0, refusals: 0, reloads: 0, dropping: false, received: new Map() });
  }
  // A bounded number of connections being opened at once: the server's accept queue is finite.
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < readers.length) {
        const failure = await connect(readers[next++]!);
        if (failure) failures.push(failure);
      }
    }),
  );
  return { kind: 'opened', open: readers.filter((reader) => reader.stream).length, failures, ms: Date.now() - started };
}

function drop(every: number): ReadersReply {
  let dropped = 0;
  for (const [i, reader] of readers.entries()) {
    if (i % every !== 0 || !reader.stream) continue;
    reader.forced = true;
    reader.dropping = true;
    // The socket goes at once, with no goodbye: the server learns of it as of any vanished client.
    reader.stream.request.destroy();
    dropped += 1;
  }
  return { kind: 'dropped', readers: dropped };
}

async function settle(entryIds: number[], timeoutMs: number): Promise<ReadersReply> {
  const started = Date.now();
  const complete = () => readers.every((reader) => entryIds.every((id) => reader.received.has(id)));
  while (!complete() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    kind: 'settled',
    complete: complete(),
    waitedMs: Date.now() - started,
    readers: readers.map((reader) => ({
      forced: reader.forced,
      deliveries: [...reader.received.values()],
      duplicates: reader.duplicates,
      reconnects: reader.reconnects,
      unplannedDrops: reader.unplannedDrops,
      refusals: reader.refusals,
      reloads: reader.reloads,
    })),
  };
}

function stop(): void {
  stopping = true;
  for (const reader of readers) reader.stream?.close();
  process.exit(0);
}

async function handle(command: ReadersCommand): Promise<void> {
  switch (command.kind) {
    case 'open':
      url = command.url;
      return void process.send!(await open(command.readers, command.concurrency));
    case 'drop':
      return void process.send!(drop(command.every));
    case 'settle':
      return void process.send!(await settle(command.entryIds, command.timeoutMs));
    case 'stop':
      return stop();
  }
}

if (!process.send) throw new Error('bench/support/live-readers.ts runs as a child of bench/live-coverage.ts, with an IPC channel');
process.on('message', (command: ReadersCommand) => void handle(command));
// The bench gone, nobody will read the figures: leave with it.
process.on('disconnect', stop);
