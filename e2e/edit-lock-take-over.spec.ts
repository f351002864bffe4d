import { type Browser, expect, test } from '@playwright/test';
import { draftStory, saveStory } from './api-fixtures';
import { bodyOf, clickSave, nextSave, openNewArticle } from './editor';
import { STAFF, storageStateOf } from './people';
import type { RevisionComparison } from '@/lib/revision-comparison';
import type { HistoryPage } from '@/lib/revision-history';

/** A reporter's draft, open in their browser (so they hold its edit lock), and the copy desk's browser beside it. */
async function reporterHoldsTheLock(browser: Browser) {
  const reporterContext = await browser.newContext({ storageState: storageStateOf('editor') });
  const deskContext = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const story = await draftStory(reporterContext.request, { headline: 'Reporter’s headline', paragraphs: ['First paragraph.'] });
  const reporter = await reporterContext.newPage();
  await reporter.goto(story.url);
  await expect(bodyOf(reporter)).toHaveAttribute('contenteditable', 'true');
  return { reporterContext, deskContext, story, reporter };
}

test('the copy desk sees who is editing, read-only, and takes the story over', async ({ browser }) => {
  const { reporterContext, deskContext, story } = await reporterHoldsTheLock(browser);

  // The copy desk opens it: read-only, with who is editing and since when.
  const desk = await deskContext.newPage();
  await desk.goto(story.url);
  const banner = desk.getByRole('alert', { name: 'Edit lock' });
  await expect(banner).toContainText(new RegExp(`${STAFF.editor.name} is editing since \\d\\d:\\d\\d`));
  await expect(desk.getByLabel('Headline')).not.toBeEditable();
  await expect(bodyOf(desk)).toHaveAttribute('contenteditable', 'false');

  await banner.getByRole('button', { name: 'Take over' }).click();
  await expect(banner).toBeHidden();
  await desk.getByLabel('Headline').fill('Copy desk’s headline');
  await clickSave(desk);

  // The story stays the desk's: reopened, it is editable and holds the desk's version.
  await desk.reload();
  await expect(desk.getByLabel('Headline')).toHaveValue('Copy desk’s headline');
  await expect(desk.getByLabel('Headline')).toBeEditable();

  await reporterContext.close();
  await deskContext.close();
});

test('taken over while offline, the reporter sees both versions and the history keeps their text', async ({ browser }) => {
  const { reporterContext, deskContext, story, reporter } = await reporterHoldsTheLock(browser);

  // The reporter loses the connection mid-sentence; their text stays on their device.
  await reporterContext.setOffline(true);
  await bodyOf(reporter).press('Control+End');
  await bodyOf(reporter).press('Enter');
  await bodyOf(reporter).pressSequentially('Typed on a train.');
  await expect(reporter.getByRole('status')).toHaveText('Offline — changes kept on this device');

  // Meanwhile the copy desk takes over and saves its own version, as its editor screen would.
  expect((await deskContext.request.post(`/api/articles/${story.id}/lock`, { data: { takeOver: true } })).status()).toBe(200);
  await saveStory(deskContext.request, story.id, story.version, { headline: 'Copy desk’s headline', paragraphs: ['First paragraph.'] });

  // Back online, the reporter's save is refused and the conflict view shows both versions.
  await reporterContext.setOffline(false);
  const conflict = reporter.getByRole('alert', { name: 'Save conflict' });
  await expect(conflict).toContainText(`${STAFF.copy_editor.name} is editing this article now`);
  await expect(conflict.locator('del').first()).toContainText('Copy desk');
  await expect(conflict.locator('ins').first()).toContainText('Reporter');
  await expect(conflict.locator('ins').last()).toContainText('Typed on a train.');
  await expect(reporter.getByRole('alert', { name: 'Edit lock' })).toContainText(`${STAFF.copy_editor.name} is editing since`);

  await conflict.getByRole('button', { name: 'Take theirs' }).click();
  await expect(conflict).toBeHidden();
  await expect(reporter.getByLabel('Headline')).toHaveValue('Copy desk’s headline');

  // The history keeps the reporter's text as a conflict copy: against the working copy, it is what the desk's version lacks.
  const { entries } = (await (await deskContext.request.get(`/api/articles/${story.id}/revisions`)).json()) as HistoryPage;
  const copy = entries.find((entry) => entry.label === 'Conflict copy');
  expect(copy?.authorName).toBe(STAFF.editor.name);
  const { diff } = (await (await deskContext.request.get(`/api/articles/${story.id}/compare?from=${copy?.number}&to=working`)).json()) as RevisionComparison;
  expect(diff.fields.find((field) => field.field === 'headline')?.parts).toEqual([
    { text: 'Reporter’s', change: 'removed' },
    { text: 'Copy desk’s', change: 'added' },
    { text: ' headline', change: 'same' },
  ]);
  expect(diff.body.filter((line) => line.change === 'removed').map((line) => line.parts.map((part) => part.text).join(''))).toContain('Typed on a train.');

  await reporterContext.close();
  await deskContext.close();
});

test('keep mine puts my text on top of a newer version saved from another tab', async ({ browser }) => {
  // The same reporter in two browser windows: the lock is theirs in both, the version guards them.
  const laptop = await browser.newContext({ storageState: storageStateOf('editor') });
  const phone = await browser.newContext({ storageState: storageStateOf('editor') });
  const first = await laptop.newPage();
  const articleUrl = await openNewArticle(first);
  const id = articleUrl.split('/').pop();

  await laptop.setOffline(true);
  await first.getByLabel('Headline').fill('Mine');
  await first.getByLabel('Headline').press('Tab');
  await expect(first.getByRole('status')).toHaveText('Offline — changes kept on this device');

  const second = await phone.newPage();
  await second.goto(articleUrl);
  await expect(second.getByLabel('Headline')).toBeEditable();
  await second.getByLabel('Headline').fill('Theirs');
  await clickSave(second);

  await laptop.setOffline(false);
  const conflict = first.getByRole('alert', { name: 'Save conflict' });
  await expect(conflict).toContainText('saved this article after you opened it');
  const kept = nextSave(first);
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await kept;
  await expect(conflict).toBeHidden();

  const { entries } = (await (await phone.request.get(`/api/articles/${id}/revisions`)).json()) as HistoryPage;
  const [mine, theirs] = entries;
  expect(mine?.changeNote).toBe('Kept over a conflicting version');
  const { diff } = (await (await phone.request.get(`/api/articles/${id}/compare?from=${theirs?.number}&to=${mine?.number}`)).json()) as RevisionComparison;
  expect(diff.fields.find((field) => field.field === 'headline')?.parts).toEqual([
    { text: 'Theirs', change: 'removed' },
    { text: 'Mine', change: 'added' },
  ]);

  await laptop.close();
  await phone.close();
});
