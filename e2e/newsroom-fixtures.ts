import { type APIRequestContext, type Browser, test as base, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { storageStateOf } from './people';

/**
 * The newsroom's people as fixtures, each made only when a test asks for it: a page for what the
 * test watches them do, an API session (no browser) for setting up what it does not. A test that
 * sets up its story through `writerApi` and watches only the desk opens one browser context, not three.
 */
type Newsroom = {
  /** Rita Reporter, an editor: the writer of the stories. */
  writer: Page;
  /** Cora Desk, the copy desk. */
  desk: Page;
  /** A reader with no session at all. */
  reader: Page;
  writerApi: APIRequestContext;
  deskApi: APIRequestContext;
  /** Ada Admin's API session: sections and author profiles. */
  adminApi: APIRequestContext;
};

async function pageIn(browser: Browser, storageState: string | undefined, provide: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ storageState });
  await provide(await context.newPage());
  await context.close();
}

async function apiFor(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  storageState: string | undefined,
  provide: (api: APIRequestContext) => Promise<void>,
): Promise<void> {
  const api = await playwright.request.newContext({ baseURL, storageState });
  await provide(api);
  await api.dispose();
}

export const test = base.extend<Newsroom>({
  writer: async ({ browser }, provide) => pageIn(browser, storageStateOf('editor'), provide),
  desk: async ({ browser }, provide) => pageIn(browser, storageStateOf('copy_editor'), provide),
  reader: async ({ browser }, provide) => pageIn(browser, undefined, provide),
  writerApi: async ({ playwright, baseURL }, provide) => apiFor(playwright, baseURL, storageStateOf('editor'), provide),
  deskApi: async ({ playwright, baseURL }, provide) => apiFor(playwright, baseURL, storageStateOf('copy_editor'), provide),
  adminApi: async ({ playwright, baseURL }, provide) => apiFor(playwright, baseURL, storageStateOf('admin'), provide),
});

export { expect } from '@playwright/test';
