import { draftStory } from './api-fixtures';
import { expectNoViolations } from './axe';
import { acceptLeaving, bodyOf, clickSave } from './editor';
import { newAuthor } from './filing-fixtures';
import { PASSWORD, STAFF } from './people';
import { composer, editEntryText, entries, entryWith, liveDeskOf, openLiveDesk } from './live-desk';
import { editEntry, postEntry, publishedLiveStory } from './live-fixtures';
import { expect, test } from './newsroom-fixtures';
import { publishingPanel, uniqueHeadline } from './publishing';

/**
 * The live desk: a story covered as it happens, entry by entry. The stories are set up through the
 * desk's API (e2e/live-fixtures.ts: a draft, made live, published); what is tested is what a person
 * does on the desk.
 */

const WIRE_CLOCK = /^\d\d:\d\d GMT$/;

test('the desk starts a live story, publishes it and opens its live desk', async ({ desk }) => {
  const { headline, slug } = uniqueHeadline('Election night live');
  await desk.goto('/desk');
  await desk.getByRole('button', { name: 'New live story' }).click();
  await expect(desk).toHaveURL(/\/desk\/articles\/\d+$/);
  await expect(bodyOf(desk)).toHaveAttribute('contenteditable', 'true');
  await desk.getByLabel('Headline').fill(headline);
  await bodyOf(desk).fill('Polls have closed across the country.');
  await clickSave(desk);
  await publishingPanel(desk).getByRole('button', { name: 'Publish' }).click();
  await expect(desk.getByText(`Published at /news/${slug}.`)).toBeVisible();

  await desk.getByRole('link', { name: 'Live desk' }).click();
  await expect(desk).toHaveURL(/\/desk\/articles\/\d+\/live$/);
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(desk.locator('.live-desk__state')).toContainText('Live');
  await expect(desk.getByRole('link', { name: `/news/${slug}` })).toBeVisible();
  await expect(composer(desk)).toHaveAttribute('contenteditable', 'true');
  await expect(desk.getByRole('region', { name: 'Entries' })).toContainText('No entries yet.');
});

test('a reporter makes their draft a live story from its editor and finds its live desk', async ({ writerApi, writer }) => {
  const { headline } = uniqueHeadline('Storm coverage');
  const draft = await draftStory(writerApi, { headline, paragraphs: ['The storm reached the coast at dawn.'] });
  await writer.goto(draft.url);
  await writer.getByRole('button', { name: 'Make live story' }).click();
  await expect(writer.getByText('This is now a live story.')).toBeVisible();
  await writer.getByRole('link', { name: 'Live desk' }).click();
  await expect(writer.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(writer.locator('.live-desk__state')).toContainText('Not yet published');
  await expect(composer(writer)).toHaveAttribute('contenteditable', 'true');
  await expectNoViolations(writer);
});

test('the desk posts an entry with Post entry and another with Ctrl+Enter; the newest is first and the composer is ready again', async ({ adminApi, deskApi, desk }) => {
  const [story, correspondent] = await Promise.all([publishedLiveStory(deskApi, 'Count under way'), newAuthor(adminApi, 'Correspondent')]);
  await openLiveDesk(desk, liveDeskOf(story));

  await desk.getByLabel('Headline').fill('Turnout is up');
  await desk.getByLabel('Authors', { exact: true }).selectOption({ label: correspondent.name });
  await desk.getByRole('button', { name: 'Add author' }).click();
  await composer(desk).fill('Turnout stood at 61 per cent at 8pm.');
  await desk.getByRole('button', { name: 'Post entry' }).click();
  const first = entryWith(desk, 'Turnout stood at 61 per cent');
  await expect(first.getByRole('heading', { name: 'Turnout is up' })).toBeVisible();
  await expect(first.locator('time').first()).toHaveText(WIRE_CLOCK);
  await expect(first).toContainText(correspondent.name);
  await expect(first).toContainText('posted by Cora Desk');
  await expect(desk.getByRole('status')).toHaveText(/^Entry posted at \d\d:\d\d GMT\.$/);
  await expect(composer(desk)).toBeFocused();
  await expect(composer(desk)).toHaveText('');
  await expect(desk.getByLabel('Headline')).toHaveValue('');

  await composer(desk).pressSequentially('The first result is expected by midnight.');
  await composer(desk).press('Control+Enter');
  await expect(entries(desk)).toHaveCount(2);
  await expect(entries(desk).first()).toContainText('The first result is expected by midnight.');
  await expect(entries(desk).nth(1)).toContainText('Turnout stood at 61 per cent');
  await expect(composer(desk)).toBeFocused();
  await expect(composer(desk)).toHaveText('');
});

test('the desk corrects an entry, sees it marked Updated, and reads the change in its history', async ({ deskApi, desk }) => {
  const story = await publishedLiveStory(deskApi, 'Results live');
  await postEntry(deskApi, story, { paragraphs: ['Turnout stood at 61 per cent.'] });
  await postEntry(deskApi, story, { paragraphs: ['The first seat has declared.'] });
  await openLiveDesk(desk, liveDeskOf(story));

  const turnout = entryWith(desk, 'Turnout stood at');
  await editEntryText(turnout, 'Turnout stood at 64 per cent.');
  await turnout.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(turnout.locator('.live-entry__text')).toHaveText('Turnout stood at 64 per cent.');
  await expect(turnout).toContainText(/Updated \d\d:\d\d GMT/);

  await turnout.getByRole('button', { name: 'History' }).click();
  const versions = turnout.getByRole('list', { name: 'Versions of this entry, newest first' });
  await expect(versions.getByRole('listitem').first()).toContainText('Version 2');
  await expect(versions.locator('del')).toHaveText('61');
  await expect(versions.locator('ins')).toHaveText('64');

  // An entry open for editing beside the history, checked with axe.
  await editEntryText(entryWith(desk, 'The first seat'), 'The first seat has declared: a hold.');
  await expectNoViolations(desk);
});

test('an edit made over someone else’s newer version is refused, showing theirs and keeping mine', async ({ deskApi, desk }) => {
  const story = await publishedLiveStory(deskApi, 'Recount live');
  const posted = await postEntry(deskApi, story, { paragraphs: ['A recount has been called.'] });
  await openLiveDesk(desk, liveDeskOf(story));

  const entry = entries(desk).first();
  await editEntryText(entry, 'A recount has been called in the north.');
  await editEntry(deskApi, story, posted, { paragraphs: ['A recount has been called in two seats.'] });
  await entry.getByRole('button', { name: 'Save', exact: true }).click();

  const refusal = entry.getByRole('alert');
  await expect(refusal).toContainText('Someone changed this entry after you opened it. Your change has not been made.');
  await expect(refusal).toContainText('A recount has been called in two seats.');
  await expect(entry.getByRole('textbox', { name: 'Entry text' })).toHaveText('A recount has been called in the north.');
  await entry.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(entry.locator('.live-entry__text')).toHaveText('A recount has been called in the north.');
});

test('the desk pins an entry to the top and removes another, which stays listed as Removed', async ({ deskApi, desk }) => {
  const story = await publishedLiveStory(deskApi, 'Summit live');
  await postEntry(deskApi, story, { paragraphs: ['Leaders arrive for the summit.'] });
  await postEntry(deskApi, story, { paragraphs: ['A wrong figure was given here.'] });
  await openLiveDesk(desk, liveDeskOf(story));
  await expect(entries(desk).first()).toContainText('A wrong figure');

  const arrival = entryWith(desk, 'Leaders arrive');
  await arrival.getByRole('button', { name: 'Pin' }).click();
  await expect(entries(desk).first()).toContainText('Leaders arrive');
  await expect(arrival.getByText('Pinned', { exact: true })).toBeVisible();
  await expect(arrival.getByRole('button', { name: 'Unpin' })).toBeVisible();

  const wrong = entryWith(desk, 'A wrong figure');
  await wrong.getByRole('button', { name: 'Remove' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Remove this entry' });
  await expect(dialog).toBeVisible();
  await expectNoViolations(desk);
  await dialog.getByRole('button', { name: 'Remove entry' }).click();
  await expect(dialog).toBeHidden();
  await expect(wrong).toContainText('Removed by Cora Desk');
  await expect(wrong.getByRole('button')).toHaveCount(0);
});

test('the desk keeps the key points, and a save over someone else’s newer points is refused', async ({ deskApi, desk }) => {
  const story = await publishedLiveStory(deskApi, 'Floods live');
  await openLiveDesk(desk, liveDeskOf(story));

  await desk.getByLabel('Key point 1', { exact: true }).fill('Rivers are at record levels');
  await desk.getByRole('button', { name: 'Add key point' }).click();
  await expect(desk.getByLabel('Key point 2', { exact: true })).toBeFocused();
  await desk.getByLabel('Key point 2', { exact: true }).fill('Two towns have been evacuated');
  await desk.getByRole('button', { name: 'Save key points' }).click();
  await expect(desk.getByText(/^Key points saved at \d\d:\d\d\.$/)).toBeVisible();

  const newer = await deskApi.put(`/api/articles/${story.id}/live/key-points`, {
    data: { keyPoints: ['Rivers are at record levels', 'Three towns have been evacuated'], basedOn: ['Rivers are at record levels', 'Two towns have been evacuated'] },
  });
  expect(newer.status()).toBe(200);
  await desk.getByLabel('Key point 1', { exact: true }).fill('Rivers are still rising');
  await desk.getByRole('button', { name: 'Save key points' }).click();
  const refusal = desk.getByRole('complementary', { name: 'Coverage' }).getByRole('alert');
  await expect(refusal).toContainText('Someone changed the key points after you opened them.');
  await expect(refusal).toContainText('Three towns have been evacuated');
  await expect(desk.getByLabel('Key point 1', { exact: true })).toHaveValue('Rivers are still rising');

  await desk.reload();
  await expect(desk.getByLabel('Key point 2', { exact: true })).toHaveValue('Three towns have been evacuated');
});

test('an entry being written survives a reload: the composer’s draft is saved as it is typed', async ({ deskApi, desk }) => {
  const story = await publishedLiveStory(deskApi, 'Draft kept');
  await openLiveDesk(desk, liveDeskOf(story));

  await desk.getByLabel('Headline').fill('Not posted yet');
  await composer(desk).fill('Officials are expected to speak shortly.');
  await expect(desk.getByRole('status')).toHaveText(/^Saved \d\d:\d\d$/);

  const saved = await desk.getByRole('status').textContent();
  await desk.reload();
  await expect(composer(desk)).toHaveText('Officials are expected to speak shortly.');
  await expect(desk.getByLabel('Headline')).toHaveValue('Not posted yet');
  await expect(desk.getByRole('status')).toHaveText(saved ?? '');
  await expect(entries(desk)).toHaveCount(0);
});

test('an entry written while Dateline cannot be reached is kept on this device and back in the composer after a reload', async ({ deskApi, desk }) => {
  acceptLeaving(desk);
  const story = await publishedLiveStory(deskApi, 'No signal');
  await openLiveDesk(desk, liveDeskOf(story));
  await desk.route('**/live/draft', (route) => route.abort());

  await composer(desk).fill('Written on a train with no signal.');
  await expect(desk.getByRole('status')).toHaveText('Offline — changes kept on this device');
  await desk.reload();
  await expect(composer(desk)).toHaveText('Written on a train with no signal.');
  await expect(desk.getByText(/kept on this device, is back in the composer\.$/)).toBeVisible();

  // The connection comes back: the browser says so, and the composer saves.
  await desk.unroute('**/live/draft');
  await desk.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(desk.getByRole('status')).toHaveText(/^Saved \d\d:\d\d$/);
});

test('when the session ends mid-entry, nothing is lost: the entry waits on this device until the reporter signs in again', async ({ deskApi, desk }) => {
  acceptLeaving(desk);
  const story = await publishedLiveStory(deskApi, 'Session lapses live');
  await openLiveDesk(desk, liveDeskOf(story));

  await desk.context().clearCookies();
  await composer(desk).fill('Filed from the scene as the session lapsed.');
  await expect(desk.getByRole('status')).toHaveText('Signed out — changes kept on this device');
  await expect(desk.getByRole('alert', { name: 'Save problem' })).toContainText('Your session has ended. Your entry is kept on this device.');
  await desk.getByRole('button', { name: 'Post entry' }).click();
  await expect(desk.getByText('Your session has ended: the entry was not posted.', { exact: false })).toBeVisible();

  await desk.goto(`/login?next=${liveDeskOf(story)}`);
  await desk.getByLabel('Email').fill(STAFF.copy_editor.email);
  await desk.getByLabel('Password').fill(PASSWORD);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await expect(desk).toHaveURL(liveDeskOf(story));
  await expect(composer(desk)).toHaveText('Filed from the scene as the session lapsed.');
  await desk.getByRole('button', { name: 'Post entry' }).click();
  await expect(entryWith(desk, 'Filed from the scene')).toBeVisible();
});

test('a reporter posting to the desk’s live story may not pin, edit or remove the desk’s entries, only their own', async ({ deskApi, writer }) => {
  const story = await publishedLiveStory(deskApi, 'Strike live');
  await postEntry(deskApi, story, { paragraphs: ['Talks resume at noon.'] });
  await openLiveDesk(writer, liveDeskOf(story));

  const desks = entryWith(writer, 'Talks resume at noon.');
  await expect(desks.getByRole('button', { name: 'History' })).toBeVisible();
  await expect(desks.getByRole('button', { name: 'Pin' })).toHaveCount(0);
  await expect(desks.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(desks.getByRole('button', { name: 'Remove' })).toHaveCount(0);

  await composer(writer).fill('Pickets have left the gates.');
  await writer.getByRole('button', { name: 'Post entry' }).click();
  const own = entryWith(writer, 'Pickets have left the gates.');
  await expect(own).toContainText('posted by Rita Reporter');
  await expect(own.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(own.getByRole('button', { name: 'Pin' })).toHaveCount(0);
});

test('markup typed into an entry’s headline is shown as text, never run', async ({ deskApi, desk }) => {
  let dialogs = 0;
  desk.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const story = await publishedLiveStory(deskApi, 'Hostile entry');
  await openLiveDesk(desk, liveDeskOf(story));
  const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';
  await desk.getByLabel('Headline').fill(hostile);
  await composer(desk).fill('<b>not bold</b>');
  await desk.getByRole('button', { name: 'Post entry' }).click();

  const entry = entries(desk).first();
  await expect(entry.getByRole('heading', { level: 3 })).toHaveText(hostile);
  await expect(entry.locator('.live-entry__text p')).toHaveText('<b>not bold</b>');
  await desk.reload();
  await expect(entries(desk).first().getByRole('heading', { level: 3 })).toHaveText(hostile);
  await expect(entries(desk).first().locator('img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('the desk ends the live coverage: the composer gives way to when it ended', async ({ deskApi, desk }) => {
  const story = await publishedLiveStory(deskApi, 'Coverage ends');
  await postEntry(deskApi, story, { paragraphs: ['That is all from us tonight.'] });
  await openLiveDesk(desk, liveDeskOf(story));

  await desk.getByRole('button', { name: 'End live coverage' }).click();
  const dialog = desk.getByRole('dialog', { name: 'End live coverage' });
  await dialog.getByRole('button', { name: 'End live coverage' }).click();
  await expect(dialog).toBeHidden();
  await expect(desk.getByText(/^Live coverage ended at \d\d:\d\d GMT\./)).toBeVisible();
  await expect(composer(desk)).toHaveCount(0);
  await expect(desk.locator('.live-desk__state')).toContainText('Ended');
  await expect(entryWith(desk, 'That is all from us tonight.').getByRole('button', { name: 'Edit' })).toBeVisible();
});
