import { type APIRequestContext, expect } from '@playwright/test';
import { illustratedDraft, takeStep } from './story-fixtures';

/**
 * Live stories made and covered through the live desk's API, as its screen does: for specs whose
 * subject is what readers see of them. Each request context acts as its person (the copy desk may
 * do everything here; a reporter may not pin).
 */

export type LiveStory = { id: number; slug: string; headline: string };
/** An entry as the API answers for it, as far as the specs read it: `version` is what the next change names. */
export type Entry = { id: number; version: number; headline: string; pinned: boolean };
export type EntryText = { headline?: string; paragraphs: string[]; authorIds?: number[] };

const bodyOf = (paragraphs: string[]) => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const fieldsOf = (text: EntryText) => ({ headline: text.headline ?? '', body: bodyOf(text.paragraphs), authorIds: text.authorIds ?? [] });

async function answer<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, status = 200): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** An illustrated story (standfirst, lead photo, a photo in its intro) made a live story and published by the desk. */
export async function publishedLiveStory(desk: APIRequestContext, words: string): Promise<LiveStory> {
  const draft = await illustratedDraft(desk, words);
  await answer(await desk.post(`/api/articles/${draft.id}/live`));
  const published = await takeStep(desk, draft, { action: 'publish' });
  return { id: draft.id, slug: published.slug, headline: draft.headline };
}

export async function postEntry(request: APIRequestContext, story: LiveStory, text: EntryText): Promise<Entry> {
  return answer(await request.post(`/api/articles/${story.id}/live/entries`, { data: fieldsOf(text) }), 201);
}

export async function editEntry(request: APIRequestContext, story: LiveStory, entry: Entry, text: EntryText): Promise<Entry> {
  return answer(await request.put(`/api/articles/${story.id}/live/entries/${entry.id}`, { data: { ...fieldsOf(text), version: entry.version } }));
}

export async function pinEntry(desk: APIRequestContext, story: LiveStory, entry: Entry, pinned: boolean): Promise<Entry> {
  return answer(await desk.put(`/api/articles/${story.id}/live/entries/${entry.id}/pin`, { data: { pinned, version: entry.version } }));
}

export async function removeEntry(request: APIRequestContext, story: LiveStory, entry: Entry): Promise<void> {
  await answer(await request.delete(`/api/articles/${story.id}/live/entries/${entry.id}`, { data: { version: entry.version } }));
}

export async function saveKeyPoints(request: APIRequestContext, story: LiveStory, keyPoints: string[], basedOn: string[] = []): Promise<void> {
  await answer(await request.put(`/api/articles/${story.id}/live/key-points`, { data: { keyPoints, basedOn } }));
}

export async function endCoverage(request: APIRequestContext, story: LiveStory): Promise<void> {
  expect((await request.post(`/api/articles/${story.id}/live/end`)).ok()).toBe(true);
}
