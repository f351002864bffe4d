import 'server-only';
import type { ServerResponse } from 'node:http';
import { type Db, getDb } from '@/db/client';
import { log } from '@/server/log/logger';
import { latestLiveEventId, liveEventsAfter, liveEventsOfStory, type StoredLiveEvent } from './queries';
import { LIVE_STREAMS_HOOK } from './record-live-event';

export type LiveStreamLimits = {
  /** Streams one address may hold open at once; more are refused with 429. */
  perAddress: number;
  /** Streams the process holds open at once; more are refused with 503. */
  total: number;
  /** A reader with this much unsent is not reading: dropped, to reconnect and resume. */
  maxBufferedBytes: number;
  /** How often the events table is read for changes made by other processes. */
  followMs: number;
  /** How often an idle stream gets a comment, so proxies and CDNs keep it open. */
  heartbeatMs: number;
  /** The most events a reconnecting reader is sent; one who missed more reloads the page. */
  replayLimit: number;
  /**
   * Readers written to per turn of the event loop. Writing one frame to 2,000 sockets takes about
   * 90 ms on the bench machine (a system call each); in chunks, the desk's requests are answered in
   * between instead of waiting for the whole fan-out.
   */
  readersPerTurn: number;
};

type Reader = { response: ServerResponse; address: string; articleId: number };

/** One event on its way to the readers its story had when it was read, written a chunk at a time. */
type Delivery = { frame: Buffer; readers: Reader[]; ends: boolean; next: number };

export type Admission = { ok: true } | { ok: false; status: 429 | 503 };

export type LiveStreams = {
  /** Whether one more stream from this address may open now. */
  admit(address: string): Admission;
  /**
   * Sends, on a response whose headers are written, the story's events after `after` (a reader's
   * Last-Event-ID) and then every new one as it is committed, until the reader leaves, the
   * coverage ends, or the reader stops reading.
   */
  attach(response: ServerResponse, articleId: number, address: string, after: number | null): void;
  /** Sends every event committed since the last call: after each local commit, and on a timer. */
  wake(): void;
  /** The event every stream has been sent up to. */
  readonly seen: number;
  readonly open: number;
  /** Ends every stream (the server is stopping): readers reconnect to another process and resume. */
  closeAll(): void;
};

/** What a reader who missed too much is told: their page is older than the replay goes back. */
const RELOAD_FRAME = 'event: reload\ndata: {}\n\n';
const HEARTBEAT_FRAME = ':\n\n';

function frameOf(event: StoredLiveEvent): string {
  // `data` is JSON, which never holds a raw line break: one `data:` line carries it whole.
  return `id: ${event.id}\nevent: ${event.kind}\ndata: ${event.data}\n\n`;
}

/**
 * The process's live streams: one broadcaster per story, fed from the `live_events` table, which
 * every change writes in its own transaction. A commit in this process wakes it at once; a commit
 * in another process on the same database is found by one indexed read every `followMs` while
 * anyone is connected. Either way each event is read and encoded once, and its frame written to
 * every reader of the story, whatever their number: readers never make the database work.
 */
export function createLiveStreams(limits: LiveStreamLimits, db: Db = getDb()): LiveStreams {
  const readers = new Map<number, Set<Reader>>();
  const perAddress = new Map<string, number>();
  let open = 0;
  let seen = latestLiveEventId(db);
  let follow: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const deliveries: Delivery[] = [];
  let draining = false;

  function write(reader: Reader, text: string | Buffer): void {
    if (reader.response.destroyed || reader.response.writableEnded) return;
    reader.response.write(text);
    if (reader.response.writableLength > limits.maxBufferedBytes) {
      // Not reading: its buffer would grow with every event. EventSource reconnects by itself
      // after a dropped connection and resumes from its Last-Event-ID, so it misses nothing.
      log.warn({ articleId: reader.articleId, address: reader.address, buffered: reader.response.writableLength }, 'live stream: slow reader dropped');
      reader.response.destroy();
    }
  }

  /**
   * Writes the queued events, oldest first, each to all its readers before the next, so every
   * reader gets them in order; yields to the event loop after each chunk of readers.
   */
  function drain(): void {
    let budget = limits.readersPerTurn;
    while (deliveries.length > 0 && budget > 0) {
      const delivery = deliveries[0]!;
      const upTo = Math.min(delivery.readers.length, delivery.next + budget);
      for (; delivery.next < upTo; delivery.next += 1, budget -= 1) {
        const reader = delivery.readers[delivery.next]!;
        write(reader, delivery.frame);
        if (delivery.ends) reader.response.end();
      }
      if (delivery.next === delivery.readers.length) deliveries.shift();
    }
    draining = deliveries.length > 0;
    if (draining) setImmediate(drain);
  }

  /**
   * Reads the events committed since the last call and queues each for the readers its story has
   * now. A reader who connects later is sent the event by its own replay (attach), not by this.
   */
  function wake(): void {
    for (;;) {
      const events = liveEventsAfter(seen, 500, db);
      for (const event of events) {
        seen = event.id;
        const story = readers.get(event.articleId);
        if (story) deliveries.push({ frame: Buffer.from(frameOf(event)), readers: [...story], ends: event.kind === 'end', next: 0 });
      }
      if (events.length < 500) break;
    }
    if (!draining && deliveries.length > 0) {
      draining = true;
      drain();
    }
  }

  function detach(reader: Reader): void {
    const story = readers.get(reader.articleId);
    if (!story?.delete(reader)) return;
    if (story.size === 0) readers.delete(reader.articleId);
    const count = (perAddress.get(reader.address) ?? 1) - 1;
    if (count === 0) perAddress.delete(reader.address);
    else perAddress.set(reader.address, count);
    open -= 1;
    if (open === 0) {
      clearInterval(follow);
      clearInterval(heartbeat);
      follow = heartbeat = undefined;
    }
  }

  const streams: LiveStreams = {
    admit(address) {
      if (open >= limits.total) return { ok: false, status: 503 };
      if ((perAddress.get(address) ?? 0) >= limits.perAddress) return { ok: false, status: 429 };
      return { ok: true };
    },
    attach(response, articleId, address, after) {
      wake();
      const reader: Reader = { response, address, articleId };
      // An id from the future is no reader's: resume from now, as with no id at all.
      const from = after !== null && after <= seen ? after : seen;
      const missed = from === seen ? [] : liveEventsOfStory(articleId, from, seen, limits.replayLimit + 1, db);
      if (missed.length > limits.replayLimit) {
        response.end(RELOAD_FRAME);
        return;
      }
      for (const event of missed) write(reader, frameOf(event));
      if (missed.some((event) => event.kind === 'end')) {
        response.end();
        return;
      }
      let story = readers.get(articleId);
      if (!story) readers.set(articleId, (story = new Set()));
      story.add(reader);
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      open += 1;
      response.on('close', () => detach(reader));
      follow ??= setInterval(wake, limits.followMs).unref();
      heartbeat ??= setInterval(() => {
        for (const story of readers.values()) for (const each of story) write(each, HEARTBEAT_FRAME);
      }, limits.heartbeatMs).unref();
    },
    wake,
    get seen() {
      return seen;
    },
    get open() {
      return open;
    },
    closeAll() {
      for (const story of readers.values()) for (const reader of story) reader.response.end();
    },
  };
  return streams;
}

/** Makes these streams the ones every commit in this process wakes (record-live-event.ts). */
export function installLiveStreams(streams: LiveStreams): void {
  (globalThis as Record<symbol, unknown>)[LIVE_STREAMS_HOOK] = streams;
}
