import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { draftStory, takeStep } from './api-fixtures';
import { expectNoViolations } from './axe';
import { storageStateOf } from './people';
import { uniqueHeadline } from './publishing';

test.use({ storageState: storageStateOf('editor') });

/** A word no other story has, so a search for it finds only this spec's stories. */
const uniqueWord = (stem: string) => `${stem}${randomUUID().replaceAll('-', '').slice(0, 8)}`;

const searchBox = (page: Page) => page.getByLabel('Search articles');
const results = (page: Page) => page.getByRole('table');
const resultCount = (page: Page) => page.getByRole('status').filter({ hasText: /articles?$/ });

test('a reporter types a word from a story’s body and finds the story with the word highlighted', async ({ page }) => {
  const word = uniqueWord('kelp');
  const { headline } = uniqueHeadline('Harbour board meets');
  await draftStory(page.request, { headline, paragraphs: [`The harbour board approved the ${word} dredging plan on Monday.`] });

  await page.goto('/desk');
  await searchBox(page).pressSequentially(word);
  await expect(results(page).getByRole('link', { name: headline })).toBeVisible();
  await expect(results(page).locator('mark', { hasText: word })).toBeVisible();
  await expect(resultCount(page)).toHaveText('1 article');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  await expectNoViolations(page);
});

test.describe('with two stories on one subject', () => {
  let word: string;
  let bank: { headline: string; id: number; version: number };
  let river: { headline: string };

  test.beforeEach(async ({ request }) => {
    word = uniqueWord('sedge');
    const bankHeadline = uniqueHeadline('Bank gives way').headline;
    const saved = await draftStory(request, { headline: bankHeadline, paragraphs: [`The river bank gave way at dawn near ${word} lock.`] });
    bank = { headline: bankHeadline, id: saved.id, version: saved.version };
    river = { headline: uniqueHeadline('River holds').headline };
    await draftStory(request, { headline: river.headline, paragraphs: [`The bank of the river held at ${word} weir.`] });
  });

  async function search(page: Page, text: string) {
    await searchBox(page).fill(text);
    await searchBox(page).press('Enter');
  }

  test('a phrase finds only the story with those words in that order', async ({ page }) => {
    await page.goto('/desk');
    await search(page, `${word} "river bank"`);
    await expect(results(page).getByRole('link', { name: bank.headline })).toBeVisible();
    await expect(results(page).getByRole('link', { name: river.headline })).toBeHidden();
  });

  test('a -word leaves out the stories that have it', async ({ page }) => {
    await page.goto('/desk');
    await search(page, `${word} -weir`);
    await expect(results(page).getByRole('link', { name: bank.headline })).toBeVisible();
    await expect(resultCount(page)).toHaveText('1 article');
  });

  test('a status filter narrows the search, and the shared address shows the same results', async ({ page, context, request }) => {
    await takeStep(request, bank.id, { action: 'submit', version: bank.version });
    await page.goto('/desk');
    await search(page, word);
    await expect(resultCount(page)).toHaveText('2 articles');
    await page.getByLabel('Status').selectOption({ label: 'In review' });
    await expect(resultCount(page)).toHaveText('1 article');
    await expect(results(page).getByRole('link', { name: bank.headline })).toBeVisible();
    await expect(page).toHaveURL(/status=in_review/);

    const colleague = await context.newPage();
    await colleague.goto(page.url());
    await expect(searchBox(colleague)).toHaveValue(word);
    await expect(colleague.getByLabel('Status')).toHaveValue('in_review');
    await expect(results(colleague).getByRole('link', { name: bank.headline })).toBeVisible();
    await expect(resultCount(colleague)).toHaveText('1 article');
  });

  test('Back brings the previous search back, its words and its results', async ({ page }) => {
    await page.goto('/desk');
    await search(page, `${word} -weir`);
    await expect(resultCount(page)).toHaveText('1 article');
    await search(page, word);
    await expect(resultCount(page)).toHaveText('2 articles');

    await page.goBack();
    await expect(searchBox(page)).toHaveValue(`${word} -weir`);
    await expect(resultCount(page)).toHaveText('1 article');
    await expect(results(page).getByRole('link', { name: river.headline })).toBeHidden();
  });
});

test('whatever is typed is searched as text: no error, and markup in a headline shows as text', async ({ page }) => {
  const word = uniqueWord('quill');
  const headline = `<img src=x onerror="document.title='owned'"> ${word}`;
  await draftStory(page.request, { headline, paragraphs: ['Text.'] });

  await page.goto('/desk');
  for (const hostile of ['"unclosed NEAR( OR *', 'headline: AND ) -', "'; DROP TABLE articles; --", '😀'.repeat(50), 'x'.repeat(10_000)]) {
    await searchBox(page).fill(hostile);
    await searchBox(page).press('Enter');
    await expect(resultCount(page)).toBeVisible();
    await expect(page.locator('.notice--error')).toBeHidden();
  }

  await searchBox(page).fill(`${word} <img`);
  await searchBox(page).press('Enter');
  await expect(results(page).getByRole('link', { name: headline })).toBeVisible();
  await expect(results(page).locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('owned');
});

test('the same search is JSON at /api/articles, and a bad filter is a clear 400', async ({ request }) => {
  const word = uniqueWord('fen');
  const { headline } = uniqueHeadline('Fen drainage');
  await draftStory(request, { headline, paragraphs: [`Drainage of the ${word} fen.`] });

  const found = await request.get(`/api/articles?q=${word}&sort=relevance`);
  expect(found.status()).toBe(200);
  const body = (await found.json()) as { items: { headline: string; match: { snippet: string } }[]; total: { count: number } };
  expect(body.items.map((item) => item.headline)).toEqual([headline]);
  expect(body.total.count).toBe(1);

  const hostile = await request.get(`/api/articles?q=${encodeURIComponent('"( NEAR * OR')}`);
  expect(hostile.status()).toBe(200);

  const bad = await request.get('/api/articles?sort=random&from=2026-02-30');
  expect(bad.status()).toBe(400);
  const error = (await bad.json()).error as { fields: Record<string, string[]> };
  expect(error.fields).toEqual({ sort: ['Sort is “relevance”, “updated” or “published”'], from: ['From is not a date on the calendar'] });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search box still searches when the form is sent', async ({ page }) => {
    const word = uniqueWord('reed');
    const { headline } = uniqueHeadline('Reed beds');
    await draftStory(page.request, { headline, paragraphs: [`The ${word} reed beds were cut.`] });

    await page.goto('/desk');
    await searchBox(page).fill(word);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(results(page).getByRole('link', { name: headline })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  });
});
