import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { uploadedPhoto } from './api-fixtures';
import { openForEditing } from './publishing';
import { STAFF, storageStateOf } from './people';
import { commentOn, creditedPhoto, illustratedDraft, takeStep } from './story-fixtures';

// The desk's lists and queues, with something in them, each checked with axe.

test('the desk’s list of articles has no axe violations', async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: storageStateOf('editor') })).newPage();
  const { headline } = await illustratedDraft(page.request, 'Desk list check');
  await page.goto('/desk');
  await expect(page.getByRole('link', { name: headline })).toBeVisible();
  await expectNoViolations(page);
});

test.describe('the copy desk', () => {
  test.use({ storageState: storageStateOf('copy_editor') });

  /** Two stories the writer submitted; the desk has claimed the first. */
  async function queueOfTwo(browser: Browser, request: APIRequestContext) {
    const writer = await browser.newContext({ storageState: storageStateOf('editor') });
    const submitted = async (words: string) => takeStep(writer.request, await illustratedDraft(writer.request, words), { action: 'submit' });
    const [claimed, waiting] = await Promise.all([submitted('Queue check claimed'), submitted('Queue check waiting')]);
    await writer.close();
    const claim = await request.post(`/api/articles/${claimed.id}/claim`, { data: { claim: true, expectedClaimantId: null } });
    expect(claim.status()).toBe(200);
    return { claimed, waiting };
  }

  test('sees the review queue, one story claimed and one waiting, with no axe violations', async ({ browser, page }) => {
    const { claimed, waiting } = await queueOfTwo(browser, page.request);
    await page.goto('/desk/review');
    await expect(page.getByRole('row', { name: new RegExp(claimed.headline) })).toContainText('You since');
    await expect(page.getByRole('row', { name: new RegExp(waiting.headline) })).toContainText('Nobody yet');
    await expectNoViolations(page);
  });

  test('sees the queue’s return-to-writer dialog with no axe violations', async ({ browser, page }) => {
    const { waiting } = await queueOfTwo(browser, page.request);
    await page.goto('/desk/review');
    await page.getByRole('button', { name: `Return to writer: “${waiting.headline}”` }).click();
    await expect(page.getByRole('dialog', { name: 'Return to writer' }).getByLabel('Note to the writer')).toBeVisible();
    await expectNoViolations(page);
  });

  test('reviews a story with comment threads, one answered and one resolved, with no axe violations', async ({ browser, page }) => {
    const writer = await browser.newContext({ storageState: storageStateOf('editor') });
    const story = await takeStep(writer.request, await illustratedDraft(writer.request, 'Comments check'), { action: 'submit' });
    const asked = await commentOn(page.request, story, 'Which day did it reopen?', 'reopened on Monday');
    const settled = await commentOn(page.request, story, 'Is “full catch” the market’s phrase?', 'full catch');
    const reply = await writer.request.post(`/api/articles/${story.id}/comments`, { data: { body: 'Monday, confirmed.', parentId: asked } });
    expect(reply.status()).toBe(201);
    const resolved = await page.request.fetch(`/api/articles/${story.id}/comments/${settled}`, { method: 'PATCH', data: { resolved: true } });
    expect(resolved.ok()).toBe(true);
    await writer.close();

    await openForEditing(page, `/desk/articles/${story.id}`);
    await expect(page.getByRole('region', { name: 'Comments' }).getByText('Monday, confirmed.')).toBeVisible();
    await expectNoViolations(page);
  });

  test('sees the photo library, with a photo open, with no axe violations', async ({ page }) => {
    await creditedPhoto(page.request);
    await uploadedPhoto(page.request);
    await page.goto('/desk/photos');
    const first = page.locator('.photo-card').first();
    await first.click();
    await expect(first).toHaveAttribute('aria-pressed', 'true');
    await expectNoViolations(page);
  });
});

test('the notifications page, with a mention in it, has no axe violations', async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: storageStateOf('editor') })).newPage();
  const story = await illustratedDraft(page.request, 'Mention check');
  const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  await commentOn(desk.request, story, `@${STAFF.editor.name} can you check the day?`, 'reopened on Monday');
  await desk.close();
  await page.goto('/desk/notifications');
  await expect(page.getByRole('main').getByText(story.headline).first()).toBeVisible();
  await expectNoViolations(page);
});
