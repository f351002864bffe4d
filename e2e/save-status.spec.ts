import { expect, type Page, test } from '@playwright/test';
import { articleJson, bodyOf, expectSaved, nextSave, openNewArticle } from './editor';
import { storageStateOf } from './people';

test.use({ storageState: storageStateOf('editor') });

const statusOf = (page: Page) => page.getByRole('status');
const isArticleSave = (url: string, method: string) => method === 'POST' && /\/api\/articles\/\d+\/shared-save$/.test(new URL(url).pathname);

test('a keystroke says "Saving…" until the server has stored it, then "Saved"', async ({ page }) => {
  await openNewArticle(page);
  await expect(statusOf(page)).toHaveAttribute('aria-live', 'polite');
  await bodyOf(page).pressSequentially('First');
  await expectSaved(page);

  // Every word the status says from here on, in order: a busy machine may be slow to show it, never wrong.
  await statusOf(page).evaluate((status) => {
    const said: string[] = [];
    (window as unknown as { statusSaid: string[] }).statusSaid = said;
    new MutationObserver(() => said.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await page.keyboard.type('!');
  await expect.poll(() => page.evaluate(() => (window as unknown as { statusSaid: string[] }).statusSaid.at(-1))).toMatch(/^Saved \d\d:\d\d$/);
  const said = await page.evaluate(() => (window as unknown as { statusSaid: string[] }).statusSaid);
  // The first thing it said after the keystroke: the text on screen is not all stored yet.
  expect(said[0]).toBe('Saving…');
});

test('a Save sent before the latest keystroke does not end in "Saved" until that keystroke is stored too', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // The Save's request is held at the browser's edge until the writer has typed on.
  await page.route(/\/api\/articles\/\d+\/shared-save$/, async (route) => {
    await held;
    await route.continue();
  });
  await bodyOf(page).pressSequentially('One');
  const firstSave = nextSave(page);
  await page.keyboard.press('Control+s');
  await expect(statusOf(page)).toHaveText('Saving…');
  await page.keyboard.type(' two');
  release();
  await firstSave;
  await expectSaved(page);
  await expect.poll(async () => JSON.stringify((await articleJson(page, articleUrl)).body)).toContain('One two');
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

  // Once the field is fixed, the refusal gives way (the next fold of the shared text succeeds), and Ctrl+S goes through.
  await page.getByLabel('Headline').fill('A headline that fits');
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await page.keyboard.press('Control+s');
  await expectSaved(page);
  expect((await articleJson(page, page.url())).headline).toBe('A headline that fits');
});
