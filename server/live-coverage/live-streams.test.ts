import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, type Db, getDb, openDatabase } from '@/db/client';
import type { SessionUser } from '@/lib/session-user';
import { openEventStream, type EventStream } from '@/tests/event-stream';
import { makeUser } from '@/tests/factories';
import { entryFields, publishedLiveStory } from '@/tests/live-fixtures';
import { editEntry } from './edit-entry';
import { endLiveCoverage } from './end-live-coverage';
import { createLiveStreams, installLiveStreams, type LiveStreamLimits, type LiveStreams } from './live-streams';
import { postEntry } from './post-entry';
import { startLiveStory } from './start-live-story';
import { readerAddressOf, resumePoint, serveLiveEvents } from './serve-live-events';

const LIMITS: LiveStreamLimits = { perAddress: 3, total: 5, maxBufferedBytes: 64 * 1024, followMs: 50, heartbeatMs: 60_000, replayLimit: 3, readersPerTurn: 2 };

let reporter: SessionUser;
let desk: SessionUser;
const servers: { server: http.Server; streams: LiveStreams; origin: string }[] = [];
const opened: EventStream[] = [];

/** A server process's live streams, on their own connection to the database when `db` is given. */
async function startServer(limits = LIMITS, db?: Db) {
  const streams = createLiveStreams(limits, db);
  const server = http.createServer(serveLiveEvents(streams, readerAddressOf([])));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const entry = { server, streams, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  servers.push(entry);
  return entry;
}

async function open(url: string, options?: Parameters<typeof openEventStream>[1]) {
  const stream = await openEventStream(url, options);
  opened.push(stream);
  return stream;
}

beforeAll(async () => {
  reporter = await makeUser('editor', 'Nadia Reporter');
  desk = await makeUser('copy_editor', 'Tomás Desk');
});

afterEach(() => {
  for (const stream of opened.splice(0)) stream.close();
});

afterAll(async () => {
  for (const { server, streams } of servers) {
    streams.closeAll();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const dataOf = (event: { data: string }) => JSON.parse(event.data) as { kind: string; entry?: { headline: string } };

describe('a live story’s event stream', () => {
  it('sends each entry to every reader as soon as it is committed, never cached or buffered', async () => {
    const { streams, origin } = await startServer();
    installLiveStreams(streams);
    const story = publishedLiveStory(reporter, desk, 'Quake hits the city');
    const readers = await Promise.all([open(`${origin}/live/${story.id}/events`), open(`${origin}/live/${story.id}/events`)]);
    expect(readers[0]!.status).toBe(200);
    expect(readers[0]!.headers).toMatchObject({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    const entry = postEntry(reporter, story.id, entryFields('Buildings evacuated'));
    for (const reader of readers) {
      const event = await reader.next((each) => each.event === 'entry');
      expect(dataOf(event)).toMatchObject({ kind: 'entry', entry: { id: entry.id, headline: 'Buildings evacuated' } });
      expect(Number(event.id)).toBeGreaterThan(0);
    }
    expect(streams.open).toBe(2);
  });

  it('gives every reader every event in order when it writes to a few readers at a time', async () => {
    const { streams, origin } = await startServer({ ...LIMITS, perAddress: 10, total: 10 });
    installLiveStreams(streams);
    const story = publishedLiveStory(reporter, desk, 'Polls close');
    const readers = await Promise.all([1, 2, 3, 4, 5].map(() => open(`${origin}/live/${story.id}/events`)));
    const posted = ['First count', 'Second count', 'Third count'].map((headline) => postEntry(reporter, story.id, entryFields(headline)));
    for (const reader of readers) {
      await reader.next((each) => dataOf(each).entry?.headline === 'Third count');
      expect(reader.events.map((event) => dataOf(event).entry?.headline)).toEqual(posted.map((entry) => entry.headline));
    }
  });

  it('resumes a reconnecting reader after its Last-Event-ID, ignoring a malformed one', async () => {
    const { streams, origin } = await startServer();
    installLiveStreams(streams);
    const story = publishedLiveStory(reporter, desk, 'Dam breaks upstream');
    const first = postEntry(reporter, story.id, entryFields('Water rising'));
    const reader = await open(`${origin}/live/${story.id}/events`);
    const seenFirst = streams.seen;
    reader.close();
    const second = postEntry(reporter, story.id, entryFields('Villages cut off'));
    editEntry(reporter, story.id, first.id, { ...entryFields('Water rising fast'), version: first.version });
    const resumed = await open(`${origin}/live/${story.id}/events`, { lastEventId: String(seenFirst) });
    const missed = [await resumed.next((each) => dataOf(each).entry?.headline === 'Villages cut off'), await resumed.next((each) => dataOf(each).entry?.headline === 'Water rising fast')];
    expect(missed.map((event) => dataOf(event).entry?.headline)).toEqual(['Villages cut off', 'Water rising fast']);
    expect(second.id).toBeGreaterThan(first.id);
    // A page rendered before both changes resumes from the id it was rendered at; a malformed header is ignored for it.
    const fromPage = await open(`${origin}/live/${story.id}/events?after=${seenFirst}`, { lastEventId: 'x; DROP TABLE' });
    await fromPage.next((each) => dataOf(each).entry?.headline === 'Water rising fast');
    expect(fromPage.events.map((event) => dataOf(event).entry?.headline)).toEqual(['Villages cut off', 'Water rising fast']);
    expect(resumePoint('12', null)).toBe(12);
    expect(resumePoint(['1', '2'], null)).toBeNull();
    expect(resumePoint('-1', '0')).toBeNull();
    expect(resumePoint('99999999999999999999', '7')).toBe(7);
  });

  it('asks a reader who missed more than it replays to reload the page', async () => {
    const { streams, origin } = await startServer();
    installLiveStreams(streams);
    const story = publishedLiveStory(reporter, desk, 'Long night');
    const from = streams.seen;
    for (const n of [1, 2, 3, 4]) postEntry(reporter, story.id, entryFields(`Entry ${n}`));
    const reader = await open(`${origin}/live/${story.id}/events?after=${from}`);
    await reader.closed;
    expect(reader.events.map((event) => event.event)).toEqual(['reload']);
  });

  it('is 404 for a story that is not a public live story, and 204 once its coverage has ended', async () => {
    const { streams, origin } = await startServer();
    installLiveStreams(streams);
    const draft = startLiveStory(reporter);
    expect((await open(`${origin}/live/${draft.id}/events`)).status).toBe(404);
    expect((await open(`${origin}/live/0/events`)).status).toBe(404);
    const story = publishedLiveStory(reporter, desk, 'Match ends');
    const reader = await open(`${origin}/live/${story.id}/events`);
    endLiveCoverage(reporter, story.id);
    await reader.closed;
    expect(reader.events.map((event) => event.event)).toEqual(['end']);
    expect((await open(`${origin}/live/${story.id}/events`)).status).toBe(204);
  });

  it('refuses an address past its limit, and everyone past the process’s', async () => {
    const { origin } = await startServer({ ...LIMITS, perAddress: 2, total: 3 });
    const story = publishedLiveStory(reporter, desk, 'Crowds gather');
    const url = `${origin}/live/${story.id}/events`;
    await open(url);
    await open(url);
    const third = await open(url);
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('30');
    const other = await startServer({ ...LIMITS, perAddress: 10, total: 1 });
    await open(`${other.origin}/live/${story.id}/events`);
    expect((await open(`${other.origin}/live/${story.id}/events`)).status).toBe(503);
  });

  it('drops a reader who stops reading, before its unsent events grow without bound', async () => {
    const { streams, origin } = await startServer({ ...LIMITS, maxBufferedBytes: 16 * 1024 });
    installLiveStreams(streams);
    const story = publishedLiveStory(reporter, desk, 'Market crashes');
    const reader = await open(`${origin}/live/${story.id}/events`);
    reader.response.pause();
    reader.request.socket?.pause();
    const long = 'Traders sell everything. '.repeat(800);
    for (let n = 0; n < 60 && streams.open > 0; n += 1) {
      postEntry(reporter, story.id, entryFields(`Update ${n}`, long));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect.poll(() => streams.open).toBe(0);
  });

  it('reaches the readers of another server process on the same database, by following the table', async () => {
    const otherProcess = openDatabase(databaseFile());
    const { streams, origin } = await startServer(LIMITS, otherProcess);
    // This process's commits wake nothing there: only its own reading of the table does.
    installLiveStreams({ ...streams, wake: () => undefined });
    const story = publishedLiveStory(reporter, desk, 'Ceasefire announced');
    const reader = await open(`${origin}/live/${story.id}/events`);
    postEntry(reporter, story.id, entryFields('Guns fall silent'));
    expect(dataOf(await reader.next((each) => each.event === 'entry')).entry?.headline).toBe('Guns fall silent');
    expect(getDb()).not.toBe(otherProcess);
  });
});
