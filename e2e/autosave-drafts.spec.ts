import { expect, type Page, test } from '@playwright/test';
import { articleJson, bodyOf, clickSave, expectSaved, nextSave, openNewArticle } from './editor';
import { storageStateOf } from './people';

test.use({ storageState: storageStateOf('editor') });

/** The kinds of the article's revisions, newest first, as its history lists them. */
async function revisionKinds(page: Page, articleUrl: string): Promise<string[]> {
  const id = articleUrl.split('/').pop();
  const history = (await (await page.request.get(`/api/articles/${id}/revisions`)).json()) as { entries: { kind: string }[] };
  return history.entries.map((entry) => entry.kind);
}

test('typing is stored as it is typed and folded into the history once it pauses; a reload shows it', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  await bodyOf(page).pressSequentially('Typed, then left alone.');
  await expectSaved(page);
  await expect.poll(() => revisionKinds(page, articleUrl)).toEqual(['autosave', 'create']);
  await page.reload();
  await expect(bodyOf(page)).toHaveText('Typed, then left alone.');
});

test('offline, changes are kept on this device and saved once the connection is back', async ({ page, context }) => {
  const articleUrl = await openNewArticle(page);
  await context.setOffline(true);
  await bodyOf(page).pressSequentially('Filed from a train with no signal.');
  await expect(page.getByRole('status')).toHaveText('Offline — changes kept on this device');

  await context.setOffline(false);
  await expectSaved(page);
  await expect.poll(async () => JSON.stringify((await articleJson(page, articleUrl)).body)).toContain('Filed from a train with no signal.');
});

test('explicit saves each make a revision; what is typed between them folds into one autosave', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  await bodyOf(page).pressSequentially('One.');
  await expect.poll(() => revisionKinds(page, articleUrl)).toEqual(['autosave', 'create']);
  await bodyOf(page).pressSequentially(' Two.');
  await clickSave(page);
  const shortcut = nextSave(page);
  await page.keyboard.press('Control+s');
  await shortcut;

  expect(await revisionKinds(page, articleUrl)).toEqual(['save', 'save', 'autosave', 'create']);
});

test('a hostile paste is reduced to text: nothing runs and nothing dangerous is stored', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  await bodyOf(page).click();
  await page.evaluate(() => {
    const html =
      '<p>Safe words.</p><script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">' +
      '<p><a href="javascript:window.__pwned = 3">a trap</a> and <a href="https://example.org/x" onclick="window.__pwned = 4">a link</a></p>' +
      '<iframe src="javascript:window.top.__pwned = 5"></iframe><h1 style="color:red" class="MsoTitle">Word title</h1>' +
      '<b style="font-weight:normal" id="docs-internal-guid-1"><span style="font-weight:700">Docs bold</span></b>';
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Safe words. a trap and a link Word title Docs bold');
    document.querySelector('#body')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(bodyOf(page)).toContainText('Safe words.');
  await expect(bodyOf(page).getByRole('heading', { level: 2, name: 'Word title' })).toBeVisible();
  await expect(bodyOf(page).locator('strong')).toHaveText('Docs bold');
  await expect(bodyOf(page).locator('a')).toHaveCount(1);
  await expect(bodyOf(page).locator('a')).toHaveAttribute('href', 'https://example.org/x');
  await clickSave(page);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const stored = JSON.stringify((await articleJson(page, articleUrl)).body);
  for (const danger of ['script', 'onerror', 'onclick', 'javascript:', 'iframe', '__pwned', 'style']) {
    expect(stored).not.toContain(danger);
  }
  expect(stored).toContain('Safe words.');
});

test('going back to the desk straight after typing keeps every word', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  await bodyOf(page).pressSequentially('Written just before leaving.');
  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto(articleUrl);
  await expect(bodyOf(page)).toHaveText('Written just before leaving.');
  await expect(page.getByRole('alert', { name: 'Unsaved changes' })).toHaveCount(0);
});

test('closing the tab while changes are not yet stored (offline) asks first, and the next visit offers them back', async ({ page, context }) => {
  const articleUrl = await openNewArticle(page);
  await context.setOffline(true);
  await bodyOf(page).pressSequentially('Not stored yet');
  await expect(page.getByRole('status')).toHaveText('Offline — changes kept on this device');
  // The next visit is a tab of the same browser, opened before this one closes.
  const again = await context.newPage();
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  const closed = page.waitForEvent('close');
  await dialog.accept();
  await closed;

  await context.setOffline(false);
  await again.goto(articleUrl);
  const offer = again.getByRole('alert', { name: 'Unsaved changes' });
  await expect(offer.locator('ins')).toHaveText('Not stored yet');
  await offer.getByRole('button', { name: /^Restore unsaved changes from \d\d:\d\d$/ }).click();
  await expect(bodyOf(again)).toHaveText('Not stored yet');
  await expectSaved(again);
});
