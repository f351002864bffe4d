import { expect, type Page, type Response } from '@playwright/test';

/** The rich body: a contenteditable textbox labelled "Body". */
export const bodyOf = (page: Page) => page.getByRole('textbox', { name: 'Body' });

/** Starts a new article from the desk and waits until its shared document is open and editable. */
export async function openNewArticle(page: Page): Promise<string> {
  await page.goto('/desk');
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  await expect(bodyOf(page)).toHaveAttribute('contenteditable', 'true');
  return page.url();
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toHaveText(/^Saved \d\d:\d\d$/);
}

const isSave = (response: Response) =>
  response.request().method() === 'POST' && /\/api\/articles\/\d+\/shared-save$/.test(new URL(response.url()).pathname);

/** Resolves when the next Save (or a filing change, or the save before a workflow step) is accepted. */
export async function nextSave(page: Page): Promise<void> {
  const response = await page.waitForResponse(isSave);
  expect(response.status()).toBe(200);
}

/** Clicks Save and waits for that save to be stored and reported. */
export async function clickSave(page: Page): Promise<void> {
  const saved = nextSave(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await saved;
  await expectSaved(page);
}

/** Leaving with unsaved text asks first; the specs that navigate away on purpose say yes. */
export function acceptLeaving(page: Page): void {
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') void dialog.accept();
  });
}

export async function articleJson(page: Page, articleUrl: string): Promise<Record<string, unknown>> {
  const id = articleUrl.split('/').pop();
  const response = await page.request.get(`/api/articles/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/**
 * Waits two frames after a caret move done by the browser itself (Home, End, Shift+Home): the
 * editor learns of it from a selectionchange event, and a person is never faster than that.
 */
export async function settleSelection(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
