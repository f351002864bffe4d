import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { acceptLeaving, bodyOf, openNewArticle, settleSelection } from './editor';
import { STAFF, storageStateOf } from './people';
import { openForEditing, publishingPanel } from './publishing';
import { correctedStory, illustratedDraft, savedChange, type Story } from './story-fixtures';

// The drafting screen in each state a writer or the desk reaches, each checked with axe.

/** The writer's own illustrated draft, open for editing in their browser. */
async function writerAtDraft(browser: Browser, words: string): Promise<{ page: Page; story: Story; url: string }> {
  const context = await browser.newContext({ storageState: storageStateOf('editor') });
  const story = await illustratedDraft(context.request, words);
  const page = await context.newPage();
  const url = `/desk/articles/${story.id}`;
  await openForEditing(page, url);
  return { page, story, url };
}

test('the editor of a draft with photos in its body, with its toolbar, checklist and history, has no axe violations', async ({ browser }) => {
  const { page } = await writerAtDraft(browser, 'Editor check');
  await expect(page.locator('.body-photo figure[data-photo-id]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toContainText('Working copy');
  await expectNoViolations(page);
});

test('a body photo’s caption and credit fields, open, have no axe violations', async ({ browser }) => {
  const { page } = await writerAtDraft(browser, 'Photo fields check');
  await page.locator('.body-photo').getByRole('button', { name: /^Caption and credit for/ }).click();
  await expect(page.locator('.body-photo').getByLabel('Credit in this article')).toBeVisible();
  await expectNoViolations(page);
});

test('the link dialog has no axe violations', async ({ browser }) => {
  const { page } = await writerAtDraft(browser, 'Link dialog check');
  await bodyOf(page).getByText('The first boats went out at dawn').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await settleSelection(page);
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Link' })).toBeVisible();
  await expectNoViolations(page);
});

test('the photo picker has no axe violations', async ({ browser }) => {
  const { page } = await writerAtDraft(browser, 'Photo picker check');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Insert photo' }).click();
  const picker = page.getByRole('dialog', { name: 'Insert a photo' });
  await expect(picker.getByRole('listitem').first().getByRole('img')).toBeVisible();
  await expectNoViolations(page);
});

test('the new-article form with field errors has no axe violations', async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: storageStateOf('editor') })).newPage();
  await openNewArticle(page);
  await page.getByLabel('Headline').fill('x'.repeat(301));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Headline must be at most 300 characters')).toBeVisible();
  await expectNoViolations(page);
});

test.describe('on a published story, the copy desk', () => {
  test.use({ storageState: storageStateOf('copy_editor') });

  test('sees the publish-update dialog, with a correction’s note, with no axe violations', async ({ page }) => {
    const story = await correctedStory(page.request, 'Publish update check');
    await savedChange(page.request, story, { byline: 'Rita Reporter and Cora Desk' });
    await openForEditing(page, `/desk/articles/${story.id}`);
    await publishingPanel(page).getByRole('button', { name: 'Publish update' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish update' });
    await dialog.getByRole('radio', { name: /^Correction/ }).check();
    await expect(dialog.getByLabel('Correction for readers')).toBeVisible();
    await expectNoViolations(page);
  });

  test('sees the comparison of the live story with its working copy with no axe violations', async ({ page }) => {
    const story = await correctedStory(page.request, 'Compare view check');
    await savedChange(page.request, story, { byline: 'Rita Reporter and Cora Desk' });
    await page.goto(`/desk/articles/${story.id}/compare?from=live&to=working`);
    await expect(page.getByRole('heading', { name: 'Compare revisions', level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test('sees two revisions side by side with no axe violations', async ({ page }) => {
    const story = await correctedStory(page.request, 'Side by side check');
    await savedChange(page.request, story, { byline: 'Rita Reporter and Cora Desk' });
    await page.goto(`/desk/articles/${story.id}/compare?from=1&to=working&layout=side-by-side`);
    await expect(page.getByRole('heading', { name: 'Compare revisions', level: 1 })).toBeVisible();
    await expect(page.locator('.revision-diff__field').first().getByRole('group')).toHaveCount(2);
    await expectNoViolations(page);
  });

  test('sees the story’s audit trail with no axe violations', async ({ page }) => {
    const story = await correctedStory(page.request, 'Audit trail check');
    await page.goto(`/desk/articles/${story.id}/audit`);
    await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });
});

test('the editor shared with the desk, with the people in it and the desk’s caret in the body, has no axe violations', async ({ browser }) => {
  const { page, url } = await writerAtDraft(browser, 'Shared editor check');
  const desk = await (await browser.newContext({ storageState: storageStateOf('copy_editor') })).newPage();
  await openForEditing(desk, url);
  await bodyOf(desk).locator('p').first().click();
  await desk.keyboard.type(' Desk note.');
  await expect(page.getByRole('region', { name: 'People in this article' })).toContainText(STAFF.copy_editor.name);
  await expect(bodyOf(page).locator('.collaboration-carets__label', { hasText: STAFF.copy_editor.name })).toBeVisible();
  await expectNoViolations(page);
});

test('the offer to restore changes this device kept has no axe violations', async ({ browser }) => {
  const { page, url } = await writerAtDraft(browser, 'Restore offer check');
  // The tab is closed while offline: the words stay on this device only.
  await page.context().setOffline(true);
  await page.getByLabel('Headline').fill('Typed with no connection');
  await expect(page.getByRole('status')).toHaveText('Offline — changes kept on this device');
  acceptLeaving(page);
  await page.close({ runBeforeUnload: true });
  await page.context().setOffline(false);
  const again = await page.context().newPage();
  await again.goto(url);
  await expect(again.getByRole('alert', { name: 'Unsaved changes' })).toBeVisible();
  await expectNoViolations(again);
});
