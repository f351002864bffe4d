import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { draftStory, saveStory, type StoryFields, storyNow, takeStep, uploadedPhoto } from './api-fixtures';
import { expectNoViolations } from './axe';
import { bodyOf, clickSave, settleSelection } from './editor';
import { expect, test } from './newsroom-fixtures';
import { openForEditing, publishingPanel, uniqueHeadline } from './publishing';

/** The inserted and deleted words of a diff, as a screen reader announces them. */
async function markedWords(scope: Locator) {
  const texts = async (tag: 'ins' | 'del') => (await scope.locator(tag).allTextContents()).map((text) => text.trim());
  return { added: await texts('ins'), removed: await texts('del') };
}

/** What the writer sends the desk, headline aside. */
const FLEET_STORY = { place: 'GRIMSBY', byline: 'Rita Reporter', paragraphs: ['The fleet came back on Sunday.', 'The harbour master called it a good season'] };

/** A story its writer has sent to the copy desk, set up through the API: the desk's work is the subject. */
async function submittedStory(writer: APIRequestContext, words: string, extra: Partial<StoryFields> = {}): Promise<{ id: number; url: string; headline: string }> {
  const { headline } = uniqueHeadline(words);
  const draft = await draftStory(writer, { headline, ...FLEET_STORY, ...extra });
  await takeStep(writer, draft.id, { action: 'submit', version: draft.version });
  return { id: draft.id, url: draft.url, headline };
}

test('the review queue lists a submitted story with its writer and length, and the copy desk claims it', async ({ writerApi, desk }) => {
  const { url, headline } = await submittedStory(writerApi, 'Fishing fleet home early');

  await desk.goto('/desk/review');
  const row = desk.getByRole('row', { name: new RegExp(headline) });
  await expect(row).toContainText('Rita Reporter');
  await expect(row.getByRole('cell', { name: '14', exact: true })).toBeVisible();
  await expect(row).toContainText('Nobody yet');
  await expectNoViolations(desk);
  await row.getByRole('button', { name: `Claim “${headline}”` }).click();
  await expect(row).toContainText('You since');
  await expect(row.getByRole('button', { name: `Let go of “${headline}”` })).toBeVisible();
  await row.getByRole('link', { name: headline }).click();
  await expect(desk).toHaveURL(new RegExp(`${url}$`));
});

/** The writer's story with a lead photo, as the copy desk finds it in the queue. */
async function submittedIllustratedStory(writer: APIRequestContext) {
  const photo = await uploadedPhoto(writer);
  const leadPhoto = { photoId: photo.id, caption: 'The fleet came home early', credit: '© Dateline Pictures / Ann Lee' };
  return { ...(await submittedStory(writer, 'Fishing fleet returns', { leadPhoto })), leadPhoto };
}

test('the copy desk changes a word and a caption and returns the story with a note', async ({ writerApi, desk }) => {
  const { id, url } = await submittedIllustratedStory(writerApi);

  // One word of one sentence, and the lead photo's caption.
  await openForEditing(desk, url);
  await bodyOf(desk).click();
  await desk.keyboard.press('Control+End');
  await desk.keyboard.press('Control+Shift+ArrowLeft');
  await settleSelection(desk);
  await desk.keyboard.type('year');
  await desk.getByRole('group', { name: 'Lead photo' }).getByLabel('Caption in this article').fill('The fleet came home two days early');
  await clickSave(desk);
  await publishingPanel(desk).getByRole('button', { name: 'Return to writer' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Return to writer' });
  await dialog.getByLabel('Note to the writer').fill('Is it the season or the year? I changed it; check.');
  await dialog.getByRole('button', { name: 'Return to writer' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.getByText('Returned to the writer with your note.')).toBeVisible();
  await expect(desk.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toContainText('Returned to writer');

  // What the writer gets back is the desk's text.
  const returned = JSON.stringify(await (await desk.request.get(`/api/articles/${id}`)).json());
  expect(returned).toContain('The harbour master called it a good year');
  expect(returned).toContain('The fleet came home two days early');
});

test('the writer sees the desk’s note on a returned story and exactly the words the desk changed', async ({ writerApi, deskApi, writer }) => {
  const { id, url, headline, leadPhoto } = await submittedIllustratedStory(writerApi);
  // The desk's edit and return, as its editor sends them (the previous spec drives them by hand).
  const edited = await saveStory(deskApi, id, (await storyNow(deskApi, id)).version, {
    ...FLEET_STORY,
    headline,
    paragraphs: ['The fleet came back on Sunday.', 'The harbour master called it a good year'],
    leadPhoto: { ...leadPhoto, caption: 'The fleet came home two days early' },
  });
  await takeStep(deskApi, id, { action: 'return', version: edited.version, note: 'Is it the season or the year? I changed it; check.' });

  await writer.goto(url);
  const note = writer.getByRole('note', { name: 'Returned by the copy desk' });
  await expect(note).toContainText('Is it the season or the year? I changed it; check.');
  const changes = note.locator('.desk-changes');
  await expect(changes.getByText('What the desk changed')).toBeVisible();
  await expect(changes.locator('ins').first()).toBeVisible();
  expect(await markedWords(changes)).toEqual({ added: ['year', 'two days'], removed: ['season'] });
  await expectNoViolations(writer);
});

test('a story resubmitted after its return comes back to the queue unclaimed, and the desk approves it from there', async ({ writerApi, deskApi, writer, desk }) => {
  const { id, url, headline } = await submittedStory(writerApi, 'Fishing quotas agreed');
  // Claimed and returned by the desk, then sent back by the writer.
  const claimed = await deskApi.post(`/api/articles/${id}/claim`, { data: { claim: true, expectedClaimantId: null } });
  expect(claimed.status()).toBe(200);
  await takeStep(deskApi, id, { action: 'return', version: (await storyNow(deskApi, id)).version, note: 'Say which boats.' });
  await takeStep(writerApi, id, { action: 'submit', version: (await storyNow(writerApi, id)).version });

  await desk.goto('/desk/review');
  const row = desk.getByRole('row', { name: new RegExp(headline) });
  await expect(row).toContainText('Nobody yet');
  await row.getByRole('button', { name: `Approve “${headline}”` }).click();
  await expect(desk.getByText(`“${headline}” approved.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await writer.goto(url);
  await expect(writer.getByRole('complementary', { name: 'Article details' }).getByText('Approved', { exact: true })).toBeVisible();
});

/** The compare view's headline section. */
const headlineChange = (page: Page): Locator => page.locator('.revision-diff__field', { has: page.getByRole('heading', { name: 'Headline' }) });

/** A story the desk wrote and then changed the headline of: two saved revisions, set up through the API. */
async function storyWithNewHeadline(desk: APIRequestContext): Promise<{ url: string; first: string }> {
  const { headline: first } = uniqueHeadline('Council sets budget');
  const fields = { headline: first, place: 'LEEDS', paragraphs: ['The council agreed its budget on Monday.'] };
  const draft = await draftStory(desk, fields);
  await saveStory(desk, draft.id, draft.version, { ...fields, headline: `${first} after long debate` });
  return { url: draft.url, first };
}

test('the desk opens the latest changes from the history and reads them word by word', async ({ deskApi, desk }) => {
  const { url } = await storyWithNewHeadline(deskApi);

  // The history lists each revision; the latest change is a click away.
  await openForEditing(desk, url);
  const history = desk.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('Saved');
  await expect(history.getByRole('listitem').first()).toContainText('Working copy');
  await history.getByRole('link', { name: 'Compare latest changes' }).click();

  await expect(desk.getByRole('heading', { name: 'Compare revisions', level: 1 })).toBeVisible();
  expect(await markedWords(headlineChange(desk))).toEqual({ added: ['after long debate'], removed: [] });
  await expect(desk.getByText('The body is unchanged.')).toBeVisible();
  await expectNoViolations(desk);
});

test('the desk compares side by side, and a revision the story lacks is named', async ({ deskApi, desk }) => {
  const { url } = await storyWithNewHeadline(deskApi);

  await desk.goto(`${url}/compare`);
  await desk.getByRole('radio', { name: 'Side by side' }).check();
  await desk.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(desk).toHaveURL(/layout=side-by-side/);
  await expect(headlineChange(desk).getByRole('group')).toHaveCount(2);
  await expect(headlineChange(desk).getByRole('group').nth(1).locator('ins')).toHaveText(' after long debate');
  await expectNoViolations(desk);

  await desk.getByRole('textbox', { name: 'To revision' }).fill('999');
  await desk.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(desk.locator('main').getByRole('alert')).toHaveText('This article has no revision 999.');
});

test('the desk restores only an earlier headline; the history and the audit trail say so', async ({ deskApi, desk }) => {
  const { url, first } = await storyWithNewHeadline(deskApi);

  await desk.goto(`${url}/compare`);
  const restore = desk.getByRole('form', { name: /Restore revision/ });
  for (const part of ['Standfirst', 'Dateline', 'Byline', 'Lead photo', 'Body']) await restore.getByLabel(part).uncheck();
  await restore.getByRole('button', { name: 'Restore selected parts' }).click();
  await expect(desk).toHaveURL(new RegExp(`${url}$`));
  await expect(desk.getByLabel('Headline')).toHaveValue(first);
  const history = desk.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('Restored');
  await expect(history.getByRole('listitem').first()).toContainText(/Restored headline from revision \d+/);

  await history.getByRole('link', { name: 'Audit trail' }).click();
  await expect(desk.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
  const rows = desk.getByRole('row');
  await expect(rows.nth(1)).toContainText('Started the story');
  await expect(rows.last()).toContainText('Cora Desk');
  await expect(rows.last()).toContainText(/Restored revision \d+/);
  await expectNoViolations(desk);
});
