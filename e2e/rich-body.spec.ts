import { expect, test } from '@playwright/test';
import { articleJson, bodyOf, clickSave, openNewArticle, settleSelection } from './editor';
import { storageStateOf } from './people';

test.use({ storageState: storageStateOf('editor') });

test('the toolbar and its shortcuts format the body, and the counts follow', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  const body = bodyOf(page);
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });

  await body.pressSequentially('Markets rallied');
  await page.keyboard.press('Shift+Home');
  await settleSelection(page);
  await page.keyboard.press('Control+b');
  await expect(body.locator('strong')).toHaveText('Markets rallied');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+i');
  await expect(body.locator('em')).toHaveText('Markets rallied');

  await page.keyboard.press('End');
  await settleSelection(page);
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'H2 heading' }).click();
  await page.keyboard.type('What happened');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText('What happened');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Bulleted list' }).click();
  await page.keyboard.type('Shares up three per cent');
  await expect(body.locator('ul > li')).toHaveText(['Shares up three per cent']);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await toolbar.getByRole('button', { name: 'Quote' }).click();
  await page.keyboard.type('A good day, said a trader.');
  await expect(body.locator('blockquote')).toHaveText('A good day, said a trader.');

  const details = page.getByRole('complementary', { name: 'Article details' });
  await expect(details).toContainText('Words15');
  await expect(details).toContainText('Reading time1 min');

  await clickSave(page);
  const stored = JSON.stringify((await articleJson(page, articleUrl)).body);
  for (const type of ['"bold"', '"italic"', '"heading"', '"bulletList"', '"blockquote"']) expect(stored).toContain(type);
});

test('Ctrl+K adds a link; only http(s) and mailto are accepted', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  const body = bodyOf(page);
  await body.pressSequentially('Read the report');
  await page.keyboard.press('Shift+Home');
  await settleSelection(page);
  await page.keyboard.press('Control+k');

  const dialog = page.getByRole('dialog', { name: 'Link' });
  await dialog.getByLabel('Link address').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByText('Links must start with http://, https:// or mailto:')).toBeVisible();
  await expect(body.locator('a')).toHaveCount(0);

  await dialog.getByLabel('Link address').fill('example.org/report');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(body.locator('a')).toHaveAttribute('href', 'https://example.org/report');
  await clickSave(page);
  expect(JSON.stringify((await articleJson(page, articleUrl)).body)).toContain('https://example.org/report');
});

test('the server refuses a body the editor could not have made, naming the problem', async ({ page }) => {
  const articleUrl = await openNewArticle(page);
  const id = articleUrl.split('/').pop();
  const base = { headline: '', standfirst: '', datelinePlace: '', datelineSource: '', byline: '', version: 1 };
  const link = (href: string) => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href } }] }] }],
  });
  const refused = await page.request.put(`/api/articles/${id}`, { data: { ...base, body: link('javascript:alert(1)') } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.fields.body.join(' ')).toContain('javascript:alert(1)');

  // Built as text: 5,000 levels are too deep for JSON.stringify itself.
  const levels = 5000;
  const deep = `${'{"type":"blockquote","content":['.repeat(levels)}{"type":"paragraph"}${']}'.repeat(levels)}`;
  const nested = await page.request.put(`/api/articles/${id}`, {
    headers: { 'content-type': 'application/json' },
    data: Buffer.from(`{"headline":"","standfirst":"","datelinePlace":"","datelineSource":"","byline":"","version":1,"body":{"type":"doc","content":[${deep}]}}`),
  });
  expect(nested.status()).toBe(400);
  expect((await nested.json()).error.fields.body.join(' ')).toMatch(/deep/i);

  const unknown = await page.request.put(`/api/articles/${id}`, {
    data: { ...base, body: { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] } },
  });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error.fields.body.join(' ')).toContain('iframe');
});
