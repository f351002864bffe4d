import { expect, test } from '@playwright/test';
import { articleJson, bodyOf, clickSave, expectSaved, nextSave, openNewArticle } from './editor';
import { storageStateOf } from './people';

test.use({ storageState: storageStateOf('editor') });

test('typing is autosaved two seconds after it stops; a reload shows it', async ({ page }) => {
  await openNewArticle(page);
  const autosaved = nextSave(page);
  await bodyOf(page).pressSequentially('Typed, then left alone.');
  await autosaved;
  await expectSaved(page);
  await page.reload();
  await expect(bodyOf(page)).toHaveText('Typed, then left alone.');
});

test('offline, changes are kept on this device and saved once the connection is back', async ({ page, context }) => {
  const articleUrl = await openNewArticle(page);
  await context.setOffline(true);
  await bodyOf(page).pressSequentially('Filed from a train with no signal.');
  await expect(page.getByRole('status')).toHaveText('Offline — changes kept on this device');

  const reconnected = nextSave(page);
  await context.setOffline(false);
  await reconnected;
  await expectSaved(page);
  const stored = await articleJson(page, articleUrl);
  expect(JSON.stringify(stored.body)).toContain('Filed from a train with no signal.');
});

test('explicit saves each make a revision; autosaves fold into one', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  const id = articleUrl.split('/').pop();
  let autosaved = nextSave(page);
  await bodyOf(page).pressSequentially('One.');
  await autosaved;
  autosaved = nextSave(page);
  await bodyOf(page).pressSequentially(' Two.');
  await autosaved;
  await clickSave(page);
  const shortcut = nextSave(page);
  await page.keyboard.press('Control+s');
  await shortcut;

  const history = (await (await page.request.get(`/api/articles/${id}/revisions`)).json()) as { entries: { kind: string }[] };
  expect(history.entries.map((revision) => revision.kind)).toEqual(['save', 'save', 'autosave', 'create']);
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

test('going back to the desk with unsaved text saves it on the way out', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  await bodyOf(page).pressSequentially('Written just before leaving.');
  const saved = nextSave(page);
  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await saved;
  await page.goto(articleUrl);
  await expect(bodyOf(page)).toHaveText('Written just before leaving.');
  await expect(page.getByRole('alert', { name: 'Unsaved changes' })).toHaveCount(0);
});

test('closing the tab with unsaved changes asks first', async ({ page }) => {
  await openNewArticle(page);
  await bodyOf(page).pressSequentially('Not saved yet');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
});
