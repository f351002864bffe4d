import { type APIRequestContext, expect } from '@playwright/test';
import sharp from 'sharp';
import { uniqueHeadline } from './publishing';

/**
 * Set-up through the desk's own API, for specs whose subject is what comes after: the editor screen
 * sends these same requests. Each request context acts as the person whose storageState it carries.
 */

export type StoryFields = {
  headline: string;
  paragraphs: string[];
  place?: string;
  source?: string;
  byline?: string;
  leadPhoto?: { photoId: number; caption: string | null; credit: string | null } | null;
  /** Where the story is filed; absent leaves its filing as it is. */
  filing?: { sectionId: number | null; tags: string[]; authorIds: number[] };
};

/** What the workflow and save routes answer with, as far as the specs read it. */
export type StoryState = { id: number; version: number; status: string; slug: string | null; firstPublishedAt: string | null; updatedAt: string | null };

const bodyOf = (paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

/** A new draft with its text saved (one explicit save), written by the context's person; its desk address is `/desk/articles/<id>`. */
export async function draftStory(request: APIRequestContext, story: StoryFields): Promise<StoryState & { url: string }> {
  const created = await request.post('/api/articles');
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  const saved = await saveStory(request, id, 1, story);
  return { ...saved, url: `/desk/articles/${id}` };
}

/** Saves the story's fields over the given version, as the editor's Save button does. */
export async function saveStory(request: APIRequestContext, id: number, version: number, story: StoryFields): Promise<StoryState> {
  const saved = await request.put(`/api/articles/${id}`, {
    data: {
      headline: story.headline,
      standfirst: '',
      datelinePlace: story.place ?? 'LONDON',
      datelineSource: story.source ?? 'Dateline',
      byline: story.byline ?? 'The Desk',
      leadPhoto: story.leadPhoto ?? null,
      body: bodyOf(story.paragraphs),
      ...(story.filing ? { filing: story.filing } : {}),
      version,
    },
  });
  expect(saved.status()).toBe(200);
  return (await saved.json()) as StoryState;
}

/** The story as the desk's API shows it now. */
export async function storyNow(request: APIRequestContext, id: number): Promise<StoryState> {
  const response = await request.get(`/api/articles/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as StoryState;
}

/** One step of the status flow (submit, approve, return, publish, schedule, withdraw…) over the given version. */
export async function takeStep(request: APIRequestContext, id: number, step: { action: string; version: number } & Record<string, unknown>): Promise<StoryState> {
  const response = await request.post(`/api/articles/${id}/workflow`, { data: step });
  expect(response.status(), `${step.action}: ${await response.text()}`).toBe(200);
  return (await response.json()) as StoryState;
}

/** A story published straight away through the desk's API, filed as given; the context must be the copy desk's. */
export async function publishedStory(
  desk: APIRequestContext,
  words: string,
  filing?: StoryFields['filing'],
): Promise<{ id: number; slug: string; headline: string; version: number }> {
  const { headline } = uniqueHeadline(words);
  const draft = await draftStory(desk, { headline, paragraphs: [`${headline}, the story.`], filing });
  const published = await takeStep(desk, draft.id, { action: 'publish', version: draft.version });
  return { id: draft.id, slug: published.slug ?? '', headline, version: published.version };
}

/** A new photo in the library (random noise, so never a duplicate of another spec's). */
export async function uploadedPhoto(request: APIRequestContext): Promise<{ id: number; sha256: string }> {
  const bytes = await sharp({ create: { width: 400, height: 300, channels: 3, background: 'black', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .jpeg()
    .toBuffer();
  const uploaded = await request.post('/api/photos?name=fixture.jpg', { headers: { 'content-type': 'image/jpeg' }, data: bytes });
  expect(uploaded.status()).toBe(201);
  return ((await uploaded.json()) as { photo: { id: number; sha256: string } }).photo;
}
