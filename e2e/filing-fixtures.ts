import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { uniqueHeadline } from './publishing';

/**
 * Sections and authors made the way an admin makes them, on the admin screens (the page must be an
 * admin's); tags the way a writer makes them, by filing a story under a new name. Each returns
 * what other specs need: the name to pick, the public address, and the id a save's filing names.
 */
export type Filed = { id: number; name: string; slug: string };

async function createOnAdminPage(page: Page, path: string, form: string, words: string): Promise<Filed> {
  const name = uniqueHeadline(words).headline;
  await page.goto(path);
  const region = page.getByRole('region', { name: form });
  await region.getByLabel('Name', { exact: true }).fill(name);
  await region.getByRole('button', { name: /^Create/ }).click();
  await expect(region.getByRole('status')).toHaveText(/ at \/\w+\//);
  const slug = /\/\w+\/([a-z0-9-]+)\.$/.exec((await region.getByRole('status').textContent()) ?? '')?.[1] ?? '';
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  const id = Number(await card.locator('input[type="hidden"][name$="Id"]').first().inputValue());
  return { id, name, slug };
}

export const newSection = (admin: Page, words = 'Section'): Promise<Filed> => createOnAdminPage(admin, '/admin/sections', 'New section', words);

export const newAuthor = (admin: Page, words = 'Author'): Promise<Filed> => createOnAdminPage(admin, '/admin/authors', 'New author', words);

/** Files a story over the given version through the save API, as the editor's save does; answers the article. */
export async function fileStory(
  request: APIRequestContext,
  story: { id: number; version: number; headline: string },
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
