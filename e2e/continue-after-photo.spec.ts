import { expect, type Page, test } from '@playwright/test';
import { uploadedPhoto } from './api-fixtures';
import { articleJson, bodyOf, clickSave, settleSelection } from './editor';
import { storageStateOf } from './people';

test.use({ storageState: storageStateOf('editor') });

const CAPTION = 'Boats leave the harbour at dawn';
const CREDIT = '© Pool / Sam Reed';

type Block = Record<string, unknown>;
const para = (text?: string): Block => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' });

/**
 * An article stored through the API with `blocks` around one body photo (its own caption and
 * credit), opened in the editor. Gives its address and the photo node as the server stores it.
 */
async function openArticleWithPhoto(page: Page, before: Block[], after: Block[]): Promise<{ url: string; photo: Block }> {
  const { id: photoId } = await uploadedPhoto(page.request);
  const photo = { type: 'photo', attrs: { photoId, caption: CAPTION, credit: CREDIT, alt: null } };
  const { id } = (await (await page.request.post('/api/articles')).json()) as { id: number };
  const fields = { headline: 'Fleet sails early', standfirst: '', datelinePlace: '', datelineSource: '', byline: '', leadPhoto: null };
  const saved = await page.request.put(`/api/articles/${id}`, {
    data: { ...fields, body: { type: 'doc', content: [...before, photo, ...after] }, version: 1 },
  });
  expect(saved.status()).toBe(200);
  await page.goto(`/desk/articles/${id}`);
  await expect(bodyOf(page)).toHaveAttribute('contenteditable', 'true');
  await expect(photoIn(page).locator('figcaption')).toHaveText(CAPTION);
  return { url: page.url(), photo };
}

const photoIn = (page: Page) => bodyOf(page).locator('.body-photo');

/** Saves, then reads back what the server stored: exactly `blocks`, the photo with its caption and credit. */
async function expectStored(page: Page, url: string, blocks: Block[]): Promise<void> {
  await clickSave(page);
  expect((await articleJson(page, url)).body).toEqual({ type: 'doc', content: blocks });
}

test('a click below a closing photo, Ctrl+End and typing continue the story after the photo', async ({ page }) => {
  const { url, photo } = await openArticleWithPhoto(page, [para('Short.')], []);
  const box = await bodyOf(page).boundingBox();
  if (!box) throw new Error('The body is not on screen');
  await bodyOf(page).click({ position: { x: box.width / 2, y: box.height - 4 } });
  await page.keyboard.press('Control+End');
  await settleSelection(page);
  await page.keyboard.type('The fleet sails at noon.');
  await expect(photoIn(page)).toHaveCount(1);
  await expectStored(page, url, [para('Short.'), photo, para('The fleet sails at noon.')]);
  await page.reload();
  await expect(photoIn(page).locator('figcaption')).toHaveText(CAPTION);
  await expect(photoIn(page).locator('.photo-figure__credit')).toHaveText(CREDIT);
  await expect(bodyOf(page).locator('p').last()).toHaveText('The fleet sails at noon.');
});

test('typing with the photo selected by a click on it writes after the photo, never over it', async ({ page }) => {
  const { url, photo } = await openArticleWithPhoto(page, [para('Short.')], []);
  await photoIn(page).locator('img').click();
  await expect(photoIn(page)).toHaveClass(/body-photo--selected/);
  await page.keyboard.type('Written');
  await page.keyboard.press('Control+End');
  await settleSelection(page);
  await page.keyboard.type(' at once.');
  await expectStored(page, url, [para('Short.'), photo, para('Written at once.')]);
});

test('the arrow keys step over a photo in both directions without touching it', async ({ page }) => {
  const { url, photo } = await openArticleWithPhoto(page, [para('Short.')], [para('After.')]);
  await bodyOf(page).getByText('Short.').click();
  await page.keyboard.press('End');
  await settleSelection(page);
  await page.keyboard.press('ArrowRight');
  await expect(photoIn(page)).toHaveClass(/body-photo--selected/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('Then ');
  await page.keyboard.press('Home');
  await settleSelection(page);
  await page.keyboard.press('ArrowLeft');
  await expect(photoIn(page)).toHaveClass(/body-photo--selected/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(' More.');
  await expectStored(page, url, [para('Short. More.'), photo, para('Then After.')]);
});

test('Enter just before and just after a photo opens a new paragraph on that side', async ({ page }) => {
  const { url, photo } = await openArticleWithPhoto(page, [para('Short.')], [para('After.')]);
  await bodyOf(page).getByText('Short.').click();
  await page.keyboard.press('End');
  await settleSelection(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Before the photo.');
  await bodyOf(page).getByText('After.').click();
  await page.keyboard.press('Home');
  await settleSelection(page);
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('Just after it.');
  await expectStored(page, url, [para('Short.'), para('Before the photo.'), photo, para('Just after it.'), para('After.')]);
});

test('Backspace after a photo selects it, a second removes it, and Ctrl+Z brings it back with caption and credit', async ({ page }) => {
  const { url, photo } = await openArticleWithPhoto(page, [para('Short.')], [para('After.')]);
  await bodyOf(page).getByText('After.').click();
  await page.keyboard.press('Home');
  await settleSelection(page);
  await page.keyboard.press('Backspace');
  await expect(photoIn(page)).toHaveClass(/body-photo--selected/);
  await page.keyboard.press('Backspace');
  await expect(photoIn(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(photoIn(page).locator('figcaption')).toHaveText(CAPTION);
  await expect(photoIn(page).locator('.photo-figure__credit')).toHaveText(CREDIT);
  await expectStored(page, url, [para('Short.'), photo, para('After.')]);
});

test('overtyping the whole paragraph before a photo, even with the selection run onto the photo, keeps the photo', async ({ page }) => {
  const { url, photo } = await openArticleWithPhoto(page, [para('Short.')], [para('After.')]);
  await bodyOf(page).getByText('Short.').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Shift+ArrowRight');
  await settleSelection(page);
  await page.keyboard.type('A new first paragraph.');
  await expect(photoIn(page)).toHaveCount(1);
  await expectStored(page, url, [para('A new first paragraph.'), photo, para('After.')]);
});
