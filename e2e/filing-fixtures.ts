import { type APIRequestContext, expect } from '@playwright/test';
import { uniqueHeadline } from './publishing';

/**
 * Sections and authors made through the JSON API an admin's tools use (the request must be an
 * admin's); tags the way a writer makes them, by filing a story under a new name. Each returns
 * what other specs need: the name to pick, the public address, and the id a save's filing names.
 */
export type Filed = { id: number; name: string; slug: string };

async function created(request: APIRequestContext, path: string, data: Record<string, unknown>, name: string, method: 'post' | 'put' = 'post'): Promise<Filed> {
  const response = await request[method](path, { data });
  expect(response.ok(), await response.text()).toBe(true);
  const { id, slug } = (await response.json()) as { id: number; slug: string };
  return { id, name, slug };
}

export function newSection(admin: APIRequestContext, words = 'Section', description = ''): Promise<Filed> {
  const name = uniqueHeadline(words).headline;
  return created(admin, '/api/sections', { name, description }, name);
}

/** The section under a new name and a new address; the old address is kept to redirect. */
export function renamedSection(admin: APIRequestContext, section: Filed, words: string): Promise<Filed> {
  const { headline: name, slug } = uniqueHeadline(words);
  return created(admin, `/api/sections/${section.id}`, { name, slug: slug.replace(/^-+|-+$/g, '') }, name, 'put');
}

export function newAuthor(admin: APIRequestContext, words = 'Author', bio = ''): Promise<Filed> {
  const name = uniqueHeadline(words).headline;
  return created(admin, '/api/authors', { name, bio }, name);
}

/** Files a story over the given version through the save API, as the editor's save does; answers the article. */
export async function fileStory(
  request: APIRequestContext,
  story: { id: number; version: number },
  filing: { sectionId: number | null; tags: string[]; authorIds: number[] },
): Promise<{ version: number; filing: { section: Filed | null; tags: Filed[]; authors: Filed[] } }> {
  const current = (await (await request.get(`/api/articles/${story.id}`)).json()) as Record<string, unknown>;
  const saved = await request.put(`/api/articles/${story.id}`, {
    data: {
      headline: current.headline,
      standfirst: current.standfirst,
      datelinePlace: current.datelinePlace,
      datelineSource: current.datelineSource,
      byline: current.byline,
      leadPhoto: current.leadPhoto,
      body: current.body,
      version: story.version,
      filing,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  return (await saved.json()) as { version: number; filing: { section: Filed | null; tags: Filed[]; authors: Filed[] } };
}
