import { expect, type Locator, type Page } from '@playwright/test';
import type { LiveStory } from './live-fixtures';

/** The live desk as a person finds its parts: by their labels and roles. */

/** A story's live desk. */
export const liveDeskOf = (story: LiveStory) => `/desk/articles/${story.id}/live`;

export const composer = (page: Page) => page.getByRole('textbox', { name: 'New entry' });
export const entries = (page: Page) => page.getByRole('region', { name: 'Entries' }).getByRole('article');
export const entryWith = (page: Page, text: string) => entries(page).filter({ hasText: text });

/** Opens the live desk once its composer is ready to type in. */
export async function openLiveDesk(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(composer(page)).toHaveAttribute('contenteditable', 'true');
}

/** Opens an entry's inline editor and replaces its text. */
export async function editEntryText(entry: Locator, text: string): Promise<void> {
  await entry.getByRole('button', { name: 'Edit' }).click();
  const body = entry.getByRole('textbox', { name: 'Entry text' });
  await expect(body).toHaveAttribute('contenteditable', 'true');
  await body.fill(text);
}
