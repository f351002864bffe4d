import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from '@playwright/test';
import { draftStory, storyNow, takeStep } from './api-fixtures';
import { bodyOf, clickSave, expectSaved, settleSelection } from './editor';
import { STAFF, storageStateOf } from './people';
import { creditedPhoto } from './story-fixtures';
import type { HistoryPage } from '@/lib/revision-history';

type Role = keyof typeof STAFF;

// Three browsers each open the rich editor and type into it: on a busy machine that alone can take
// most of the default 30 s, so these specs get three times as long (they still wait only for what
// the people see).
test.describe.configure({ timeout: 90_000 });

/** A reporter's draft with a lead photo, open in the reporter's, the copy desk's and the admin's browsers at once. */
async function threeInOneStory(browser: Browser) {
  const roles: Role[] = ['editor', 'copy_editor', 'admin'];
  // Wide screens, so that no paragraph wraps while the others type into it: Home and End then mean
  // the paragraph's start and end, and nothing moves under a person's click.
  const contexts = await Promise.all(roles.map((role) => browser.newContext({ storageState: storageStateOf(role), viewport: { width: 1920, height: 1200 } })));
  const photoId = await creditedPhoto(contexts[0]!.request);
  const story = await draftStory(contexts[0]!.request, {
    headline: 'Storm closes the harbour',
    paragraphs: ['Boats stayed in port on Friday.', 'The ferry will not sail.'],
    leadPhoto: { photoId, caption: 'Waves over the wall', credit: null },
  });
  const pages = await Promise.all(
    contexts.map(async (context) => {
      const page = await context.newPage();
      await page.goto(story.url);
      await expect(bodyOf(page)).toHaveAttribute('contenteditable', 'true');
      return page;
    }),
  );
  const close = () => Promise.all(contexts.map((context: BrowserContext) => context.close()));
  return { pages: pages as [Page, Page, Page], story, close };
}

const paragraph = (page: Page, index: number) => bodyOf(page).locator('p').nth(index);

/** A paragraph's words as its readers will have them: without the other people's carets, which sit in the text. */
const wordsOf = (where: Locator) =>
  where.evaluate((element) => {
    const copy = element.cloneNode(true) as Element;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent;
  });
const leadCaption = (page: Page) => page.getByRole('group', { name: 'Lead photo' }).getByLabel('Caption in this article');

/** Puts the caret at the start or end of a paragraph or field, as a person does. */
async function placeCaret(page: Page, where: Locator, edge: 'Home' | 'End'): Promise<void> {
  await where.click();
  const field = await where.evaluate((element) => element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement);
  await page.keyboard.press(field ? `ControlOrMeta+${edge}` : edge);
  await settleSelection(page);
}

/** Types there a key at a time, as a person does. */
const type = (page: Page, text: string) => page.keyboard.type(text, { delay: 15 });

async function typeAt(page: Page, where: Locator, edge: 'Home' | 'End', text: string): Promise<void> {
  await placeCaret(page, where, edge);
  await type(page, text);
}

test('three people write one story at the same moment, and every sentence each typed is kept', async ({ browser }) => {
  const { pages, story, close } = await threeInOneStory(browser);
  const [reporter, desk, admin] = pages;

  // Everyone sees everyone.
  for (const page of pages) {
    const people = page.getByRole('region', { name: 'People in this article' });
    for (const person of [STAFF.editor, STAFF.copy_editor, STAFF.admin]) await expect(people).toContainText(person.name);
  }

  // Each puts their caret in the body while it is still, then all three type at once: each caret
  // stays among its own person's words while the others' arrive around it.
  await placeCaret(reporter, paragraph(reporter, 0), 'End');
  await placeCaret(desk, paragraph(desk, 0), 'Home');
  await placeCaret(admin, paragraph(admin, 1), 'End');
  await Promise.all([
    (async () => {
      await type(reporter, ' Rita heard the sirens.');
      await typeAt(reporter, reporter.getByLabel('Headline'), 'End', ' for the weekend');
    })(),
    (async () => {
      await type(desk, 'Cora checked the tide tables. ');
      await typeAt(desk, leadCaption(desk), 'Home', 'Night: ');
    })(),
    (async () => {
      await type(admin, ' Ada called the harbour master.');
      await typeAt(admin, leadCaption(admin), 'End', ' at high tide');
    })(),
  ]);

  // Every sentence each typed is in its paragraph, and all three screens read the same.
  const sentences = ['Cora checked the tide tables.', 'Boats stayed in port on Friday.', 'Rita heard the sirens.', 'The ferry will not sail.', 'Ada called the harbour master.'];
  const bodyText = (page: Page) => Promise.all([wordsOf(paragraph(page, 0)), wordsOf(paragraph(page, 1))]);
  for (const sentence of sentences) await expect.poll(async () => (await bodyText(reporter)).join(' ')).toContain(sentence);
  await expect.poll(async () => (await bodyText(reporter))[1]).toContain('Ada called the harbour master.');
  for (const page of [desk, admin]) await expect.poll(() => bodyText(page)).toEqual(await bodyText(reporter));
  for (const page of pages) {
    await expect(page.getByLabel('Headline')).toHaveValue('Storm closes the harbour for the weekend');
    await expect(leadCaption(page)).toHaveValue('Night: Waves over the wall at high tide');
  }

  // Saved once, by one of them: the revision holds everyone's words and names everyone who typed.
  await clickSave(desk);
  const saved = (await (await desk.request.get(`/api/articles/${story.id}`)).json()) as { headline: string; body: unknown; leadPhoto: { caption: string } };
  expect(saved.headline).toBe('Storm closes the harbour for the weekend');
  expect(saved.leadPhoto.caption).toBe('Night: Waves over the wall at high tide');
  for (const sentence of sentences) expect(JSON.stringify(saved.body)).toContain(sentence);
  const history = (await (await desk.request.get(`/api/articles/${story.id}/revisions`)).json()) as HistoryPage;
  const names = new Set(history.entries.flatMap((entry) => [entry.authorName, ...entry.coAuthorNames]));
  for (const person of [STAFF.editor, STAFF.copy_editor, STAFF.admin]) expect(names).toContain(person.name);
  await expect(desk.getByRole('region', { name: 'History' })).toContainText(/with /);

  await close();
});

test('one of them goes offline, keeps typing, and on reconnecting the edits merge', async ({ browser }) => {
  const { pages, close } = await threeInOneStory(browser);
  const [reporter, desk] = pages;

  await desk.context().setOffline(true);
  await expect(desk.getByRole('status')).toHaveText('Offline — changes kept on this device');
  await typeAt(desk, paragraph(desk, 1), 'End', ' Written on the train.');
  await typeAt(reporter, paragraph(reporter, 0), 'End', ' Written at the office.');
  await expect.poll(() => wordsOf(paragraph(reporter, 1))).toBe('The ferry will not sail.');

  await desk.context().setOffline(false);
  await expectSaved(desk);
  for (const page of pages) {
    await expect.poll(() => wordsOf(paragraph(page, 0))).toBe('Boats stayed in port on Friday. Written at the office.');
    await expect.poll(() => wordsOf(paragraph(page, 1))).toBe('The ferry will not sail. Written on the train.');
  }
  await close();
});

test('each person sees who is typing in which field, and the others’ carets in the body by name', async ({ browser }) => {
  const { pages, close } = await threeInOneStory(browser);
  const [reporter, desk] = pages;
  const people = reporter.getByRole('region', { name: 'People in this article' });

  await typeAt(desk, desk.getByLabel('Standfirst'), 'End', 'Gales all weekend');
  await expect(people.getByRole('listitem').filter({ hasText: STAFF.copy_editor.name })).toContainText('typing in Standfirst');
  await expect(reporter.getByLabel('Standfirst')).toHaveValue('Gales all weekend');

  await typeAt(desk, paragraph(desk, 1), 'End', ' More soon.');
  await expect(people.getByRole('listitem').filter({ hasText: STAFF.copy_editor.name })).toContainText('typing in Body');
  await expect(bodyOf(reporter).locator('.collaboration-carets__label', { hasText: STAFF.copy_editor.name })).toBeVisible();
  await close();
});

test('once the reporter submits, they watch the desk edit live and can no longer type', async ({ browser }) => {
  const { pages, story, close } = await threeInOneStory(browser);
  const [reporter, desk] = pages;

  // Submitted through the API, as another screen would: the open editor learns of it by itself.
  await takeStep(reporter.request, story.id, { action: 'submit', version: (await storyNow(reporter.request, story.id)).version });
  await expect(bodyOf(reporter)).toHaveAttribute('contenteditable', 'false');
  await expect(reporter.getByLabel('Headline')).not.toBeEditable();
  await expect(reporter.getByText('This article is with the copy desk')).toBeVisible();

  await typeAt(desk, desk.getByLabel('Headline'), 'End', ' (desk)');
  await expect(reporter.getByLabel('Headline')).toHaveValue('Storm closes the harbour (desk)');
  await close();
});
