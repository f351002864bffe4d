import { expect, type Page, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { bodyOf, clickSave, settleSelection } from './editor';
import { photoFolder, uploadAndUse } from './photos';
import { newsroomPages, openForEditing, publishingPanel, uniqueHeadline, writeStory } from './publishing';

const agencyPhoto = photoFolder();

/** The inserted and deleted words of a diff, as a screen reader announces them. */
async function markedWords(scope: ReturnType<Page['locator']>) {
  const texts = async (tag: 'ins' | 'del') => (await scope.locator(tag).allTextContents()).map((text) => text.trim());
  return { added: await texts('ins'), removed: await texts('del') };
}

test('the copy desk claims a story from the queue, edits a sentence and a caption, returns it, and approves it once resubmitted', async ({ browser }) => {
  test.slow();
  const { writer, desk } = await newsroomPages(browser);
  const { headline } = uniqueHeadline('Fishing fleet home early');
  const url = await writeStory(writer, { headline, place: 'GRIMSBY', source: 'Dateline', body: 'The fleet came back on Sunday.' });
  await bodyOf(writer).click();
  await writer.keyboard.press('Control+End');
  await writer.keyboard.press('Enter');
  await writer.keyboard.type('The harbour master called it a good season');
  await writer.getByRole('button', { name: 'Choose lead photo' }).click();
  await uploadAndUse(writer, 'Choose the lead photo', await agencyPhoto('fleet.jpg', { caption: 'Boats', photographer: 'Ann Lee', agency: 'Dateline Pictures', altText: 'Boats in a harbour' }));
  await writer.getByRole('group', { name: 'Lead photo' }).getByLabel('Caption in this article').fill('The fleet came home early');
  await clickSave(writer);
  await publishingPanel(writer).getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted to the copy desk.')).toBeVisible();

  // The queue shows it with its writer and length; the desk claims it.
  await desk.goto('/desk/review');
  const row = desk.getByRole('row', { name: new RegExp(headline) });
  await expect(row).toContainText('Rita Reporter');
  await expect(row.getByRole('cell', { name: '14', exact: true })).toBeVisible();
  await expect(row).toContainText('Nobody yet');
  await expectNoViolations(desk);
  await row.getByRole('button', { name: `Claim “${headline}”` }).click();
  await expect(row).toContainText('You since');
  await expect(row.getByRole('button', { name: `Let go of “${headline}”` })).toBeVisible();

  // One word of one sentence, and the lead photo's caption.
  await row.getByRole('link', { name: headline }).click();
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

  // The writer sees the note and exactly the words the desk changed.
  await writer.reload();
  const note = writer.getByRole('note', { name: 'Returned by the copy desk' });
  await expect(note).toContainText('Is it the season or the year? I changed it; check.');
  const changes = note.locator('.desk-changes');
  await expect(changes.getByText('What the desk changed')).toBeVisible();
  await expect(changes.locator('ins').first()).toBeVisible();
  expect(await markedWords(changes)).toEqual({ added: ['year', 'two days'], removed: ['season'] });
  await expectNoViolations(writer);

  // Resubmitted, it comes back to the queue unclaimed, and the desk approves it from there.
  await publishingPanel(writer).getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted to the copy desk.')).toBeVisible();
  await desk.goto('/desk/review');
  const again = desk.getByRole('row', { name: new RegExp(headline) });
  await expect(again).toContainText('Nobody yet');
  await again.getByRole('button', { name: `Approve “${headline}”` }).click();
  await expect(desk.getByText(`“${headline}” approved.`)).toBeVisible();
  await expect(again).toHaveCount(0);
  await writer.reload();
  await expect(writer.getByRole('complementary', { name: 'Article details' }).getByText('Approved', { exact: true })).toBeVisible();
});

test('the desk compares two revisions inline and side by side, restores an earlier headline, and reads the audit trail', async ({ browser }) => {
  const { desk } = await newsroomPages(browser);
  const first = uniqueHeadline('Council sets budget');
  const url = await writeStory(desk, { headline: first.headline, place: 'LEEDS', source: 'Dateline', body: 'The council agreed its budget on Monday.' });
  await desk.getByLabel('Headline').fill(`${first.headline} after long debate`);
  await clickSave(desk);

  // The history lists each revision; the latest change is a click away.
  const history = desk.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText('Saved');
  await expect(history.getByRole('listitem').first()).toContainText('Working copy');
  await expectNoViolations(desk);
  await history.getByRole('link', { name: 'Compare latest changes' }).click();

  await expect(desk.getByRole('heading', { name: 'Compare revisions', level: 1 })).toBeVisible();
  const headlineChange = desk.locator('.revision-diff__field', { has: desk.getByRole('heading', { name: 'Headline' }) });
  expect(await markedWords(headlineChange)).toEqual({ added: ['after long debate'], removed: [] });
  await expect(desk.getByText('The body is unchanged.')).toBeVisible();
  await expectNoViolations(desk);

  await desk.getByRole('radio', { name: 'Side by side' }).check();
  await desk.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(desk).toHaveURL(/layout=side-by-side/);
  await expect(headlineChange.getByRole('group')).toHaveCount(2);
  await expect(headlineChange.getByRole('group').nth(1).locator('ins')).toHaveText(' after long debate');
  await expectNoViolations(desk);

  // A revision number the article does not have is named, not a broken page.
  await desk.getByRole('textbox', { name: 'To revision' }).fill('999');
  await desk.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(desk.locator('main').getByRole('alert')).toHaveText('This article has no revision 999.');
  await desk.goBack();

  // Only the headline comes back; nothing leaves the history.
  const restore = desk.getByRole('form', { name: /Restore revision/ });
  for (const part of ['Standfirst', 'Dateline', 'Byline', 'Lead photo', 'Body']) await restore.getByLabel(part).uncheck();
  await restore.getByRole('button', { name: 'Restore selected parts' }).click();
  await expect(desk).toHaveURL(url);
  await expect(desk.getByLabel('Headline')).toHaveValue(first.headline);
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
