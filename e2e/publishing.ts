import { randomUUID } from 'node:crypto';
import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { bodyOf, clickSave, openNewArticle } from './editor';
import { storageStateOf } from './people';

/** A headline no other spec's story shares, so its address is predictable. */
export function uniqueHeadline(words: string): { headline: string; slug: string } {
  const tag = randomUUID().slice(0, 6);
  const headline = `${words} ${tag}`;
  return { headline, slug: headline.toLowerCase().replace(/[^a-z0-9]+/g, '-') };
}

/** The desk's pages for two people, and a reader with no session at all (newsroom-fixtures.ts opens only those a test uses). */
export async function newsroomPages(browser: Browser) {
  const writer = await (await browser.newContext({ storageState: storageStateOf('editor') })).newPage();
  const desk = await (await browser.newContext({ storageState: storageStateOf('copy_editor') })).newPage();
  const reader = await (await browser.newContext()).newPage();
  return { writer, desk, reader };
}

/** Writes a new story in the editor and saves it; returns its desk URL. */
export async function writeStory(page: Page, story: { headline: string; place: string; source: string; body: string }): Promise<string> {
  const url = await openNewArticle(page);
  await page.getByLabel('Headline').fill(story.headline);
  await page.getByLabel('Dateline place').fill(story.place);
  await page.getByLabel('Dateline source').fill(story.source);
  await bodyOf(page).click();
  await bodyOf(page).pressSequentially(story.body);
  await clickSave(page);
  return url;
}

export const publishingPanel = (page: Page): Locator => page.getByRole('region', { name: 'Publishing' });

/** Opens the story in the editor once it is editable (the desk holds the lock). */
export async function openForEditing(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(bodyOf(page)).toHaveAttribute('contenteditable', 'true');
}

/** Adds words at the end of the body and saves, as a desk editor fixing or adding to a story. */
export async function appendToBody(page: Page, words: string): Promise<void> {
  await bodyOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(words);
  await clickSave(page);
}

/** "Publish update" with the kind chosen, and a correction's note when it is one. */
export async function publishUpdate(page: Page, kind: 'Update' | 'Correction' | 'Minor fix', correction?: string): Promise<void> {
  await publishingPanel(page).getByRole('button', { name: 'Publish update' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish update' });
  const choice = dialog.getByRole('radio', { name: new RegExp(`^${kind}`) });
  await expect(choice).toBeVisible();
  await choice.check();
  if (correction) await dialog.getByLabel('Correction for readers').fill(correction);
  await dialog.getByRole('button', { name: 'Publish update' }).click();
  await expect(dialog).toBeHidden();
  await expect(publishingPanel(page).getByText(`${kind} published.`)).toBeVisible();
}

/** The story's schema.org NewsArticle, as the page embeds it. */
export async function newsArticleOf(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>;
}

export const WIRE_TIME = /\d\d:\d\d GMT \d\d\.\d\d\.\d{4}/;
