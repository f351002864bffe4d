import { type APIRequestContext, expect } from '@playwright/test';
import sharp from 'sharp';
import { uniqueHeadline } from './publishing';

/** A story published straight away through the desk's API; the context must be the copy desk's. */
export async function publishedStory(desk: APIRequestContext, words: string): Promise<{ id: number; slug: string }> {
  const { headline } = uniqueHeadline(words);
  const { id } = (await (await desk.post('/api/articles')).json()) as { id: number };
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${headline}, the story.` }] }] };
  const saved = await desk.put(`/api/articles/${id}`, {
    data: { headline, standfirst: '', datelinePlace: 'LONDON', datelineSource: 'Dateline', byline: 'The Desk', leadPhoto: null, body, version: 1 },
  });
  expect(saved.status()).toBe(200);
  const published = await desk.post(`/api/articles/${id}/workflow`, { data: { action: 'publish', version: (await saved.json()).version } });
  expect(published.status()).toBe(200);
  return { id, slug: ((await published.json()) as { slug: string }).slug };
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
