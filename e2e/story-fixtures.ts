import { randomInt } from 'node:crypto';
import { type APIRequestContext, expect } from '@playwright/test';
import sharp from 'sharp';
import { uniqueHeadline } from './publishing';

/**
 * Stories in the states the screens under test show, made through the desk's API: quicker than
 * typing them, and the screens they lead to are what the specs drive and check.
 */

/**
 * A picture `width` pixels wide, 3:2: mostly one random colour (small, as real photos compress)
 * with a patch of noise, so no two are duplicates in the library.
 */
async function pictureBytes(width: number): Promise<Buffer> {
  const patch = await sharp({ create: { width: 96, height: 96, channels: 3, background: 'black', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .png()
    .toBuffer();
  const background = { r: randomInt(256), g: randomInt(256), b: randomInt(256) };
  const height = Math.round((width * 2) / 3);
  return sharp({ create: { width, height, channels: 3, background } })
    .composite([{ input: patch, left: randomInt(width - 96), top: randomInt(height - 96) }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/**
 * A library photo with all a story needs to go out: caption, credit and alt text. Small unless
 * asked (each width up to 1600 px is one more rendition for the server to make).
 */
export async function creditedPhoto(request: APIRequestContext, width = 480): Promise<number> {
  const uploaded = await request.post('/api/photos?name=harbour.jpg', { headers: { 'content-type': 'image/jpeg' }, data: await pictureBytes(width) });
  expect(uploaded.status()).toBe(201);
  const { id } = ((await uploaded.json()) as { photo: { id: number } }).photo;
  const saved = await request.put(`/api/photos/${id}`, {
    data: {
      caption: 'Boats in the harbour at dawn',
      photographer: 'Ann Lee',
      agency: 'Dateline Pictures',
      copyrightNotice: '',
      altText: 'Fishing boats moored along a stone quay',
      rightsUrl: '',
      version: 1,
    },
  });
  expect(saved.status()).toBe(200);
  return id;
}

export type Story = { id: number; version: number; headline: string };

/**
 * Two credited photos of the library, uploaded once per worker and size and reused by every draft
 * after: a story's photos come from the shared library, and making renditions of new ones is the
 * slowest step of a set-up that is not what the spec tests.
 */
const photosBySize = new Map<number, Promise<[number, number]>>();
function libraryPhotos(request: APIRequestContext, width: number): Promise<[number, number]> {
  let photos = photosBySize.get(width);
  if (!photos) {
    photos = Promise.all([creditedPhoto(request, width), creditedPhoto(request, width)]);
    photos.catch(() => photosBySize.delete(width));
    photosBySize.set(width, photos);
  }
  return photos;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A saved draft with a standfirst, a lead photo and a second photo in its body. */
export async function illustratedDraft(request: APIRequestContext, words: string, pictureWidth = 480): Promise<Story> {
  const { headline } = uniqueHeadline(words);
  const [lead, inline] = await libraryPhotos(request, pictureWidth);
  const { id } = (await (await request.post('/api/articles')).json()) as { id: number };
  const body = {
    type: 'doc',
    content: [
      paragraph('The harbour reopened on Monday after a week of storms kept the fleet in port.'),
      { type: 'photo', attrs: { photoId: inline } },
      paragraph('The first boats went out at dawn; the market expects a full catch by Friday.'),
    ],
  };
  const saved = await request.put(`/api/articles/${id}`, {
    data: {
      headline,
      standfirst: 'Fishing resumes after the longest closure in a decade.',
      datelinePlace: 'GRIMSBY',
      datelineSource: 'Dateline',
      byline: 'Rita Reporter',
      leadPhoto: { photoId: lead },
      body,
      version: 1,
    },
  });
  expect(saved.status()).toBe(200);
  return { id, headline, version: ((await saved.json()) as { version: number }).version };
}

const DRAFT_FIELDS = ['headline', 'standfirst', 'datelinePlace', 'datelineSource', 'byline', 'leadPhoto', 'body'] as const;

/** Saves the story with some fields changed, as another window of the same person would. */
export async function savedChange(request: APIRequestContext, story: Story, changes: Partial<Record<(typeof DRAFT_FIELDS)[number], unknown>>): Promise<Story> {
  const current = (await (await request.get(`/api/articles/${story.id}`)).json()) as Record<string, unknown>;
  const draft = Object.fromEntries(DRAFT_FIELDS.map((field) => [field, current[field]]));
  const saved = await request.put(`/api/articles/${story.id}`, { data: { ...draft, ...changes, version: story.version } });
  expect(saved.status()).toBe(200);
  return { ...story, version: ((await saved.json()) as { version: number }).version };
}

/** One step of the status flow (submit, publish, withdraw…); the story's version moves on. */
export async function takeStep(request: APIRequestContext, story: Story, step: Record<string, unknown>): Promise<Story & { slug: string }> {
  const response = await request.post(`/api/articles/${story.id}/workflow`, { data: { version: story.version, ...step } });
  expect(response.status(), await response.text()).toBe(200);
  const { version, slug } = (await response.json()) as { version: number; slug: string };
  return { ...story, version, slug };
}

/**
 * An illustrated story published, then corrected, so its page shows every part a reader sees.
 * The request must be the copy desk's.
 */
export async function correctedStory(desk: APIRequestContext, words: string, pictureWidth?: number): Promise<Story & { slug: string }> {
  const published = await takeStep(desk, await illustratedDraft(desk, words, pictureWidth), { action: 'publish' });
  const fixed = await savedChange(desk, published, { standfirst: 'Fishing resumes after the longest closure in twenty years.' });
  return takeStep(desk, fixed, { action: 'publish', updateKind: 'correction', correction: 'An earlier version gave the length of the closure wrongly.' });
}

/** A comment on a passage of the story's body; returns the new thread's id. */
export async function commentOn(request: APIRequestContext, story: Story, body: string, quote: string): Promise<number> {
  const response = await request.post(`/api/articles/${story.id}/comments`, { data: { body, anchor: { quote } } });
  expect(response.status(), await response.text()).toBe(201);
  const thread = ((await response.json()) as { id: number; body: string }[]).find((comment) => comment.body === body);
  expect(thread).toBeDefined();
  return thread?.id ?? 0;
}
