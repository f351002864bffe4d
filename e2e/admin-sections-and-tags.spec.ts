import { expect, type Page, test } from '@playwright/test';
import { draftStory } from './api-fixtures';
import { type Filed, fileStory } from './filing-fixtures';
import { storageStateOf } from './people';
import { uniqueHeadline } from './publishing';

test.use({ storageState: storageStateOf('admin') });

/** A section made on the admin screen, as an admin makes one: its name, and its address and id as the screen shows them. */
async function newSectionOnScreen(page: Page, words: string): Promise<Filed> {
  const name = uniqueHeadline(words).headline;
  await page.goto('/admin/sections');
  const region = page.getByRole('region', { name: 'New section' });
  await region.getByLabel('Name', { exact: true }).fill(name);
  await region.getByRole('button', { name: /^Create/ }).click();
  await expect(region.getByRole('status')).toHaveText(/ at \/\w+\//);
  const slug = /\/\w+\/([a-z0-9-]+)\.$/.exec((await region.getByRole('status').textContent()) ?? '')?.[1] ?? '';
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  const id = Number(await card.locator('input[type="hidden"][name$="Id"]').first().inputValue());
  return { id, name, slug };
}

test('an admin sets up sections: bad codes and taken names are refused beside their field, HTML is shown as text, the order moves', async ({ page }) => {
  const first = await newSectionOnScreen(page, '<b>World</b>');
  await expect(page.getByRole('heading', { name: first.name, exact: true })).toBeVisible();

  const form = page.getByRole('region', { name: 'New section' });
  await form.getByLabel('Name', { exact: true }).fill(first.name);
  await form.getByLabel('IPTC Media Topic').fill('1100');
  await form.getByRole('button', { name: 'Create section' }).click();
  await expect(form.getByText('A Media Topic code is 8 digits, like 11000000')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue(first.name);
  await form.getByLabel('IPTC Media Topic').fill('medtop:11000000');
  await form.getByRole('button', { name: 'Create section' }).click();
  await expect(form.getByText(`There is already a section called “${first.name}”.`)).toBeVisible();

  const second = await newSectionOnScreen(page, 'Business');
  const names = () => page.getByRole('listitem').getByRole('heading', { level: 2 }).allTextContents();
  expect((await names()).slice(-2)).toEqual([first.name, second.name]);
  await page.getByRole('button', { name: `Move ${second.name} up` }).click();
  await expect.poll(async () => (await names()).slice(-2)).toEqual([second.name, first.name]);
});

test('an admin finds a tag, renames it, and cannot merge a tag into itself', async ({ page }) => {
  const name = uniqueHeadline('Climat').headline;
  const story = await draftStory(page.request, { headline: uniqueHeadline('Tagged').headline, paragraphs: ['Tagged.'] });
  await fileStory(page.request, story, { sectionId: null, tags: [name], authorIds: [] });

  await page.goto('/admin/tags');
  await page.getByLabel('Find tags').fill(name);
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByRole('row')).toHaveCount(2);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByRole('cell').nth(1)).toHaveText('1');

  const merge = page.getByRole('region', { name: 'Merge tags' });
  await merge.getByLabel('Tag to merge').selectOption({ label: `${name} (1)` });
  await merge.getByLabel('Merge into').selectOption({ label: `${name} (1)` });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge.getByText('A tag cannot be merged into itself; choose another tag to keep')).toBeVisible();

  // Still found by the search the page shows, once renamed.
  const renamed = `${name} renamed`;
  await row.getByText(`Edit ${name}`).click();
  await row.getByLabel('Name', { exact: true }).fill(renamed);
  await row.getByRole('button', { name: 'Save tag' }).click();
  // The address stays unless the admin changes it too: links to the tag keep their form.
  await expect(row.getByRole('status')).toHaveText(/^Saved; the tag is at \/tag\/climat-[a-z0-9]+\.$/);
  await expect(row.getByRole('cell').first()).toContainText(renamed);
});

test.describe('an editor', () => {
  test.use({ storageState: storageStateOf('editor') });

  test('gets the 403 page on the sections, tags and authors screens', async ({ page }) => {
    for (const path of ['/admin/sections', '/admin/tags', '/admin/authors']) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
  });
});
