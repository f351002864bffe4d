import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { fieldsMap } from '@/lib/co-editing/article-document';
import { liveEventsPath } from '@/lib/live-coverage/live-entry';
import { openEventStream } from '../tests/event-stream';
import { draftStory, publishedStory, saveStory, takeStep } from './api-fixtures';
import { postEntry, publishedLiveStory } from './live-fixtures';
import { expect, test } from './newsroom-fixtures';
import { storageStateOf } from './people';
import { varnishUrl } from './varnish';

/**
 * Dateline behind a real Varnish running the example configuration (docs/cdn/varnish.vcl), as a
 * newsroom would put it behind a CDN: readers are served by Varnish, Dateline's purges reach it,
 * and the desk goes through it untouched.
 */

test('a second reader is served by Varnish without reaching Dateline', async ({ deskApi, playwright }) => {
  const story = await publishedStory(deskApi, 'Served by Varnish');
  const readers = await playwright.request.newContext({ baseURL: varnishUrl() });
  const first = await readers.get(`/news/${story.slug}`);
  expect(first.status()).toBe(200);
  expect(first.headers()['x-varnish-cache']).toBe('MISS');
  const second = await readers.get(`/news/${story.slug}?utm_source=social`);
  expect(second.headers()['x-varnish-cache']).toBe('HIT');
  // One transaction id: Varnish answered alone (a fetch from Dateline would add a second).
  expect(second.headers()['x-varnish']?.split(' ')).toHaveLength(2);
  expect(Number(second.headers()['age'])).toBeGreaterThanOrEqual(0);
  expect(await second.text()).toContain(story.headline);
  await readers.dispose();
});

test('a correction published in Dateline is what a reader behind Varnish sees within 2 s', async ({ deskApi, playwright }) => {
  const story = await publishedStory(deskApi, 'Harbour figures');
  const readers = await playwright.request.newContext({ baseURL: varnishUrl() });
  await readers.get(`/news/${story.slug}`);
  await readers.get('/');
  expect((await readers.get(`/news/${story.slug}`)).headers()['x-varnish-cache']).toBe('HIT');

  const edited = await saveStory(deskApi, story.id, story.version, { headline: story.headline, paragraphs: ['The harbour handled 2.1 million tonnes.'] });
  await takeStep(deskApi, story.id, { action: 'publish', version: edited.version, updateKind: 'correction', correction: 'An earlier version gave 1.2 million tonnes.' });
  const published = Date.now();

  await expect
    .poll(async () => (await readers.get(`/news/${story.slug}`)).text(), { timeout: 2_000, intervals: [100] })
    .toContain('An earlier version gave 1.2 million tonnes.');
  expect(Date.now() - published).toBeLessThan(2_000);
  await readers.dispose();
});

test('a signed-in editor passes through Varnish uncached', async ({ deskApi, playwright }) => {
  const story = await publishedStory(deskApi, 'Editor through Varnish');
  const editor = await playwright.request.newContext({ baseURL: varnishUrl(), storageState: storageStateOf('editor') });
  for (let i = 0; i < 2; i += 1) {
    const response = await editor.get(`/news/${story.slug}`);
    expect(response.headers()['x-varnish-cache']).toBe('MISS');
    expect(response.headers()['cache-control']).toBe('private, no-store');
  }
  const desk = await editor.get('/desk');
  expect(desk.status()).toBe(200);
  expect(await desk.text()).toContain('New article');
  await editor.dispose();
});

test('a live story’s event stream passes through Varnish as it happens, never cached', async ({ deskApi }) => {
  const story = await publishedLiveStory(deskApi, 'Live through Varnish');
  const stream = await openEventStream(`${varnishUrl()}${liveEventsPath(story.id)}`);
  expect(stream.status).toBe(200);
  expect(stream.headers['content-type']).toContain('text/event-stream');
  expect(stream.headers['x-varnish-cache']).toBe('MISS');
  // Posted after the stream opened: it arrives while the response is still open, so nothing held it back.
  const posted = await postEntry(deskApi, story, { paragraphs: ['Sent through Varnish.'] });
  const sentAt = Date.now();
  const event = await stream.next((candidate) => candidate.event === 'entry');
  expect(Date.now() - sentAt).toBeLessThan(2_000);
  expect(JSON.parse(event.data)).toMatchObject({ kind: 'entry', entry: { id: posted.id } });
  stream.close();

  // A reader coming back is sent what it missed, from the event its query string names: Varnish
  // kept the query string, and served no copy of the first reader's stream.
  const missed = await postEntry(deskApi, story, { paragraphs: ['Posted while nobody was connected.'] });
  const resumed = await openEventStream(`${varnishUrl()}${liveEventsPath(story.id)}?after=${event.id}`);
  expect(JSON.parse((await resumed.next((candidate) => candidate.event === 'entry')).data)).toMatchObject({ entry: { id: missed.id } });
  resumed.close();
});

test('co-editing’s WebSocket passes through Varnish to Dateline, and a ticket it did not sign is refused there', async ({ deskApi }) => {
  const { id } = await draftStory(deskApi, { headline: 'Co-edited through Varnish', paragraphs: ['Piped.'] });
  const ticketOf = async () => ((await (await deskApi.post(`/api/articles/${id}/collab-ticket`)).json()) as { ticket: string }).ticket;
  const connect = (token: () => Promise<string>) => {
    const doc = new Y.Doc();
    const refusals: string[] = [];
    const provider = new HocuspocusProvider({
      url: `${varnishUrl().replace(/^http/, 'ws')}/collab`,
      name: `article:${id}`,
      document: doc,
      token,
      onAuthenticationFailed: ({ reason }) => refusals.push(reason),
    });
    return { doc, provider, refusals };
  };

  const desk = connect(ticketOf);
  try {
    await expect.poll(() => desk.provider.isSynced).toBe(true);
    expect(fieldsMap(desk.doc).get('headline')?.toString()).toBe('Co-edited through Varnish');
    fieldsMap(desk.doc).get('headline')!.insert(0, 'Live: ');
    await expect.poll(() => desk.provider.hasUnsyncedChanges).toBe(false);
  } finally {
    desk.provider.destroy();
  }
  const forged = connect(async () => `${(await ticketOf()).split('.')[0]}.forged`);
  try {
    await expect.poll(() => forged.refusals).toEqual(['forged-ticket']);
  } finally {
    forged.provider.destroy();
  }
});

