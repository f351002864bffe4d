import { randomUUID } from 'node:crypto';
import { draftStory, saveStory, takeStep } from './api-fixtures';
import { expectNoViolations } from './axe';
import { expect, test } from './newsroom-fixtures';

/** Every public document a reader or a machine can fetch that could print a story's words. */
const PUBLIC_OUTPUTS = (slug: string) => [
  `/news/${slug}`,
  `/news/${slug}/changes`,
  `/news/${slug}/changes.atom`,
  `/news/${slug}/changes.json`,
  `/api/v1/articles/${slug}/ninjs`,
  '/',
  '/corrections',
  '/feed.xml',
  '/atom.xml',
  '/sitemap.xml',
  '/sitemaps/1.xml',
  '/news-sitemap.xml',
  '/robots.txt',
];

test('an editor removes a name for legal reasons: it is gone from every public output, every version, and its reason is never shown', async ({ deskApi, desk, reader }) => {
  const surname = `Vantarro${randomUUID().slice(0, 6)}`;
  const name = `Ysolde ${surname}`;
  const reason = `Injunction ${randomUUID().slice(0, 8)}`;
  const headline = `${name} questioned over harbour fraud`;
  const draft = await draftStory(deskApi, { headline, paragraphs: [`Police questioned ${name} on Monday.`, 'The fraud cost 3 million.'] });
  let story = await takeStep(deskApi, draft.id, { action: 'publish', version: draft.version });
  const corrected = await saveStory(deskApi, story.id, story.version, { headline, paragraphs: [`Police questioned ${name} on Monday.`, 'The fraud cost 4 million.'] });
  story = await takeStep(deskApi, story.id, { action: 'publish', version: corrected.version, updateKind: 'correction', correction: `The fraud cost 4 million, ${surname}'s lawyer said.` });

  // Readers (and the public cache) have it before the removal.
  for (const path of [`/news/${story.slug}`, `/news/${story.slug}/changes`, '/feed.xml']) {
    expect(await (await reader.request.get(path)).text(), path).toContain(surname);
  }

  await desk.goto(`/desk/articles/${story.id}/legal-removals`);
  // The surname, however it is written: the correction's note names only that.
  await desk.getByLabel('Exact words to remove').fill(surname.toUpperCase());
  await desk.getByLabel('Reason (kept in the audit log, never shown)').fill(reason);
  await desk.getByRole('button', { name: 'Remove for legal reasons' }).click();
  await expect(desk.getByText('Removed from every public version and output of the story.')).toBeVisible();
  await expect(desk.getByRole('region', { name: 'Removed so far' }).getByText(surname.toUpperCase(), { exact: false })).toBeVisible();

  // The address spelled the name: the story moved, and its old address redirects without it.
  const old = await reader.request.get(`/news/${story.slug}`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  const slug = new URL(old.headers().location ?? '', old.url()).pathname.replace('/news/', '');
  expect(slug).not.toMatch(new RegExp(surname, 'i'));
  expect(`${JSON.stringify(old.headers())}${await old.text()}`).not.toMatch(new RegExp(surname, 'i'));
  const oldHistory = await reader.request.get(`/news/${story.slug}/changes`, { maxRedirects: 0 });
  expect([oldHistory.status(), new URL(oldHistory.headers().location ?? '', old.url()).pathname]).toEqual([301, `/news/${slug}/changes`]);

  await Promise.all(
    PUBLIC_OUTPUTS(slug).map(async (path) => {
      const response = await reader.request.get(path);
      expect(response.status(), path).toBe(200);
      const text = `${JSON.stringify(response.headers())}\n${await response.text()}`;
      expect(text, path).not.toMatch(new RegExp(surname, 'i'));
      expect(text, path).not.toContain(reason);
    }),
  );

  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Ysolde [removed for legal reasons] questioned over harbour fraud');
  await reader.getByRole('link', { name: /see what changed/ }).click();
  const versions = reader.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);
  await expect(versions.first().getByText("The fraud cost 4 million, [removed for legal reasons]'s lawyer said.")).toBeVisible();
  await expectNoViolations(reader);
});

test('a removal needs words the story published and a reason', async ({ deskApi, desk }) => {
  const draft = await draftStory(deskApi, { headline: `Ferry fares rise ${randomUUID().slice(0, 6)}`, paragraphs: ['Fares rise on Monday.'] });
  const story = await takeStep(deskApi, draft.id, { action: 'publish', version: draft.version });

  await desk.goto(`/desk/articles/${story.id}/legal-removals`);
  await desk.getByLabel('Exact words to remove').fill('Fares fall');
  await desk.getByRole('button', { name: 'Remove for legal reasons' }).click();
  await expect(desk.getByText('Say why the words are removed (kept in the audit log, never shown)')).toBeVisible();
  await expectNoViolations(desk);
  await desk.getByLabel('Reason (kept in the audit log, never shown)').fill('Complaint');
  await desk.getByRole('button', { name: 'Remove for legal reasons' }).click();
  await expect(desk.getByText('Not found in any published version of the story.')).toBeVisible();
  await expect(desk.getByLabel('Exact words to remove')).toHaveValue('Fares fall');
});
