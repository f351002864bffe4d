import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { bodyOf, clickSave, openNewArticle } from './editor';
import { storageStateOf } from './people';
import { photoFolder, uploadAndUse } from './photos';

test.use({ storageState: storageStateOf('editor') });

const agencyPhoto = photoFolder();

test('a writer picks a lead photo, gives it this article’s own caption, and the library photo is untouched', async ({ page }) => {
  const file = await agencyPhoto('harbour-lead.jpg', {
    caption: 'Fishing boats in the harbour at first light',
    photographer: 'Олена Коваленко',
    agency: 'Dateline Pictures',
    altText: 'Small boats moored in a calm harbour',
  });
  const articleUrl = await openNewArticle(page);
  await page.getByLabel('Headline').fill('Fishing fleet returns early');
  await bodyOf(page).click();
  await bodyOf(page).pressSequentially('The fleet came back on Sunday.');

  await page.getByRole('button', { name: 'Choose lead photo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose the lead photo' });
  await expect(dialog).toBeVisible();
  await expectNoViolations(page);
  await uploadAndUse(page, 'Choose the lead photo', file);

  const lead = page.getByRole('group', { name: 'Lead photo' });
  await expect(lead.locator('figure img')).toHaveAttribute('alt', 'Small boats moored in a calm harbour');
  await expect(lead.getByText('© Dateline Pictures / Олена Коваленко')).toBeVisible();
  await expect(lead.locator('figcaption')).toHaveText('Fishing boats in the harbour at first light');
  await expect(page.getByText('Ready: it has a headline and a body, and every photo has a credit and a caption.')).toBeVisible();

  await lead.getByLabel('Caption in this article').fill('The fleet came home two days early');
  await expect(lead.locator('figcaption')).toHaveText('The fleet came home two days early');
  await clickSave(page);

  await page.goto(articleUrl);
  const reloaded = page.getByRole('group', { name: 'Lead photo' });
  await expect(reloaded.locator('figcaption')).toHaveText('The fleet came home two days early');
  await expect(reloaded.getByText('© Dateline Pictures / Олена Коваленко')).toBeVisible();
  await expect(reloaded.getByLabel('Caption in this article')).toHaveValue('The fleet came home two days early');
  // The rendition the preview shows is really served, as an immutable image.
  const src = await reloaded.locator('figure img').getAttribute('src');
  const rendition = await page.request.get(src ?? '');
  expect(rendition.status()).toBe(200);
  expect(rendition.headers()['content-type']).toBe('image/jpeg');
  expect(rendition.headers()['cache-control']).toContain('immutable');

  const library = await page.request.get(`/api/photos?q=${encodeURIComponent('Fishing boats harbour')}`);
  const [photo] = (await library.json()).items as { caption: string; originalName: string }[];
  expect(photo).toMatchObject({ caption: 'Fishing boats in the harbour at first light', originalName: 'harbour-lead.jpg' });
});

test('a photo without a credit placed in the body is listed before publishing until this article credits it', async ({ page }) => {
  const bare = await agencyPhoto('uncredited-crowd.jpg');
  await openNewArticle(page);
  await page.getByLabel('Headline').fill('Crowds gather for the vote');
  await bodyOf(page).click();
  await bodyOf(page).pressSequentially('Voters queued from dawn.');

  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert photo' }).click();
  await expect(page.getByRole('dialog', { name: 'Insert a photo' })).toBeVisible();
  await uploadAndUse(page, 'Insert a photo', bare);

  const checklist = page.getByRole('region', { name: 'Before publishing' });
  await expect(checklist.getByRole('listitem')).toHaveText([
    'The photo in the body “uncredited-crowd.jpg” has no credit.',
    'The photo in the body “uncredited-crowd.jpg” has no caption.',
  ]);

  const figure = page.locator('.body-photo').filter({ has: page.locator('figure[data-photo-id]') });
  await figure.getByRole('button', { name: 'Caption and credit for “uncredited-crowd.jpg”' }).click();
  await figure.getByLabel('Credit in this article').fill('© Pool / Sam Reed');
  await figure.getByLabel('Caption in this article').fill('Voters queue outside the town hall');
  await expect(figure.locator('.photo-figure__credit')).toHaveText('© Pool / Sam Reed');
  await expect(figure.locator('figcaption')).toHaveText('Voters queue outside the town hall');
  await expect(checklist.getByText('Ready: it has a headline and a body, and every photo has a credit and a caption.')).toBeVisible();
  await clickSave(page);
  await expectNoViolations(page);

  // The server's own check of the stored working copy agrees.
  const id = page.url().split('/').at(-1);
  const view = await (await page.request.get(`/api/articles/${id}`)).json();
  expect(view.publishBlockers).toEqual([]);
});
