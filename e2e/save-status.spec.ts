import { expect, type Page, test } from '@playwright/test';
import { articleJson, bodyOf, expectSaved, nextSave, openNewArticle } from './editor';
import { storageStateOf } from './people';

test.use({ storageState: storageStateOf('editor') });

const statusOf = (page: Page) => page.getByRole('status');
const isArticleSave = (url: string, method: string) => method === 'PUT' && /\/api\/articles\/\d+$/.test(new URL(url).pathname);

test('the first keystroke after a save says "Unsaved changes" at once, until the autosave is stored', async ({ page }) => {
  await openNewArticle(page);
  await expect(statusOf(page)).toHaveAttribute('aria-live', 'polite');
  await bodyOf(page).pressSequentially('First');
  await expect(statusOf(page)).toHaveText('Unsaved changes');
  const saved = nextSave(page);
  await page.keyboard.press('Control+s');
  await saved;
  await expectSaved(page);

  // Every word the status says from here on, in order: a busy machine may be slow to show it, never wrong.
  await statusOf(page).evaluate((status) => {
    const said: string[] = [];
    (window as unknown as { statusSaid: string[] }).statusSaid = said;
    new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const autosaved = nextSave(page);
  await page.keyboard.type('!');
  await autosaved;
  await expectSaved(page);
  // The first thing it said after the keystroke: the last save no longer covers the text.
  const said = await page.evaluate(() => (window as unknown as { statusSaid: string[] }).statusSaid);
  expect(said[0]).toBe('Unsaved changes');
});

test('a save sent before the latest keystroke does not end in "Saved"', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // The first save's request is held at the browser's edge until the writer has typed on.
  await page.route(/\/api\/articles\/\d+$/, async (route) => {
    if (isArticleSave(route.request().url(), route.request().method())) await held;
    await route.continue();
  });
  await bodyOf(page).pressSequentially('One');
  const firstSave = nextSave(page);
  await page.keyboard.press('Control+s');
  await expect(statusOf(page)).toHaveText('Saving…');
  await page.keyboard.type(' two');
  release();
  await firstSave;
  await expect(statusOf(page)).toHaveText('Unsaved changes');
  // The autosave that follows carries the rest; only then is it "Saved".
  await expectSaved(page);
  expect(JSON.stringify((await articleJson(page, articleUrl)).body)).toContain('One two');
});

test('a refused save says why and offers Retry; once fixed it saves', async ({ page }) => {
  await openNewArticle(page);
  await page.getByLabel('Headline').fill('h'.repeat(301));
  const refused = page.waitForResponse((response) => isArticleSave(response.url(), response.request().method()));
  await page.keyboard.press('Control+s');
  expect((await refused).status()).toBe(400);
  await expect(statusOf(page)).toHaveText(/^Not saved: /);

  const retried = page.waitForResponse((response) => isArticleSave(response.url(), response.request().method()));
  await page.getByRole('button', { name: 'Retry' }).click();
  expect((await retried).status()).toBe(400);

  // Once the field is fixed, the refusal gives way: the next save (the autosave's or Ctrl+S) goes through.
  await page.getByLabel('Headline').fill('A headline that fits');
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expectSaved(page);
  expect((await articleJson(page, page.url())).headline).toBe('A headline that fits');
});
