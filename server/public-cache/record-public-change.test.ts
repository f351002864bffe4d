import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { cdnPurges, publicChanges } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { uploadDistinctPhoto } from '@/tests/photos-fixtures';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { changeSlug } from '@/server/articles/slugs';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { updatePhoto } from '@/server/photos/update-photo';
import { pruneOldPublicChanges, recordPublicChange } from './record-public-change';
import { retryDelayMs, sendDueCdnPurges } from './send-cdn-purges';

/** A CDN's purge endpoint on loopback: it records what it is sent and answers as told. */
let purgesReceived: { method: string; keys: string | undefined }[] = [];
let cdnStatus = 200;
const cdn = http.createServer((request, response) => {
  purgesReceived.push({ method: request.method ?? '', keys: request.headers['surrogate-key']?.toString() });
  response.writeHead(cdnStatus).end();
});

let writer: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  // Read by env() at its first use, which comes after this.
  process.env.CDN_PURGE_URLS = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}/purge`;
  writer = await makeUser('editor', 'Wren Writer');
  desk = await makeUser('copy_editor', 'Dana Desk');
});

afterAll(() => cdn.close());

beforeEach(() => {
  purgesReceived = [];
  cdnStatus = 200;
  getDb().delete(cdnPurges).run();
});

const lastChangeKeys = () => getDb().select().from(publicChanges).all().at(-1)?.keys.split(' ');

function liveStory(headline: string) {
  const story = writtenStory(writer, headline);
  return publishArticle(desk, story.id, { version: story.version });
}

/** The desk's edit of a live story's working copy, ready to go out as an update. */
const edited = (story: { id: number; version: number }, headline: string) => saveArticle(desk, story.id, { ...storyFields(headline), version: story.version });

describe('what each public change purges', () => {
  it('a first publish: the story, and the lists it joins', () => {
    const story = liveStory('Bridge reopens');
    expect(lastChangeKeys()).toEqual([`story-${story.id}`, 'front', 'feeds', 'sitemaps', 'sitemap-1', 'news-sitemap']);
  });

  it('an update: the story (and so every list showing it) and the sitemaps, whose lastmod moves', () => {
    const story = edited(liveStory('Dam holds'), 'Dam holds after the storm');
    publishArticle(desk, story.id, { version: story.version, updateKind: 'update', note: 'more' });
    expect(lastChangeKeys()).toEqual([`story-${story.id}`, 'sitemaps', 'sitemap-1']);
  });

  it('a minor fix: the story alone', () => {
    const story = edited(liveStory('Typo in the headlne'), 'Typo in the headline');
    publishArticle(desk, story.id, { version: story.version, updateKind: 'minor_fix' });
    expect(lastChangeKeys()).toEqual([`story-${story.id}`]);
  });

  it('a correction: the story, the sitemaps and the corrections page', () => {
    const story = edited(liveStory('Council votes 31 to 19'), 'Council votes 30 to 20');
    publishArticle(desk, story.id, { version: story.version, updateKind: 'correction', correction: 'The vote was 30 to 20.' });
    expect(lastChangeKeys()).toEqual([`story-${story.id}`, 'sitemaps', 'sitemap-1', 'corrections']);
  });

  it('a withdrawal, and publishing again: the story, and the lists it leaves and rejoins', () => {
    const story = liveStory('Unverified claim');
    const withdrawn = withdrawArticle(desk, story.id, { version: story.version, note: 'Could not be verified.' });
    expect(lastChangeKeys()).toEqual([`story-${story.id}`, 'sitemaps', 'sitemap-1', 'news-sitemap']);
    publishArticle(desk, story.id, { version: withdrawn.version, updateKind: 'update' });
    expect(lastChangeKeys()).toEqual([`story-${story.id}`, 'front', 'feeds', 'sitemaps', 'sitemap-1', 'news-sitemap']);
  });

  it('an address change: the story (its old address among its responses) and the sitemaps', () => {
    const story = liveStory('Mayor resigns');
    changeSlug(desk, story.id, 'mayor-resigns-after-inquiry');
    expect(lastChangeKeys()).toEqual([`story-${story.id}`, 'sitemaps', 'sitemap-1', 'news-sitemap']);
  });

  it('a photo’s caption or credit: the responses showing that photo', async () => {
    const { photo } = await uploadDistinctPhoto(desk);
    updatePhoto(desk, photo.id, { ...photo, caption: 'Flood water on Main Street', photographer: 'Ann Lens' });
    expect(lastChangeKeys()).toEqual([`photo-${photo.id}`]);
  });

  it('nothing for a draft’s edits, which readers never see', () => {
    const before = getDb().select().from(publicChanges).all().length;
    writtenStory(writer, 'Still a draft');
    expect(getDb().select().from(publicChanges).all()).toHaveLength(before);
  });
});

describe('purges sent to the CDN', () => {
  it('go out once the change commits, with its keys, and leave the queue when taken', async () => {
    const story = liveStory('Storm warning');
    await expect.poll(() => purgesReceived).toEqual([{ method: 'PURGE', keys: `story-${story.id} front feeds sitemaps sitemap-1 news-sitemap` }]);
    await expect.poll(() => getDb().select().from(cdnPurges).all()).toEqual([]);
  });

  it('are not sent for a change whose transaction rolled back', async () => {
    expect(() =>
      getDb().transaction((tx) => {
        recordPublicChange(tx, ['story-999']);
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    await sendDueCdnPurges();
    expect(purgesReceived).toEqual([]);
  });

  it('are kept and tried again later, with a growing wait, while the CDN refuses them', async () => {
    cdnStatus = 503;
    const start = new Date('2026-12-04T10:00:00Z');
    getDb().transaction((tx) => recordPublicChange(tx, ['story-1000'], start));
    await sendDueCdnPurges(() => start);
    let [queued] = getDb().select().from(cdnPurges).all();
    expect(queued).toMatchObject({ attempts: 1, lastError: 'HTTP 503', nextAttemptAt: new Date(start.getTime() + retryDelayMs(1)) });

    // Not due yet: not sent again.
    await sendDueCdnPurges(() => start);
    expect(purgesReceived).toHaveLength(1);

    cdnStatus = 200;
    await sendDueCdnPurges(() => new Date(start.getTime() + retryDelayMs(1)));
    expect(purgesReceived).toHaveLength(2);
    [queued] = getDb().select().from(cdnPurges).all();
    expect(queued).toBeUndefined();
  });

  it('wait 1 s, 2 s, 4 s… between tries, never more than ten minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30)).toBe(10 * 60 * 1000);
  });
});

describe('the change log', () => {
  it('forgets changes an hour old, which every process has read', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    getDb().transaction((tx) => recordPublicChange(tx, ['old'], new Date(now.getTime() - 61 * 60 * 1000)));
    getDb().transaction((tx) => recordPublicChange(tx, ['recent'], new Date(now.getTime() - 59 * 60 * 1000)));
    pruneOldPublicChanges(now);
    const keys = getDb().select().from(publicChanges).all().map((change) => change.keys);
    expect(keys).toContain('recent');
    expect(keys).not.toContain('old');
  });
});
