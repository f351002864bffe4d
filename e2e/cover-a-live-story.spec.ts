import type { Page } from '@playwright/test';
import { composer, editEntryText, entryWith, liveDeskOf, openLiveDesk } from './live-desk';
import { postEntry, publishedLiveStory } from './live-fixtures';
import { expect, test } from './newsroom-fixtures';

/**
 * Issue 17's whole journey on two screens: the desk covers a story on its live desk while a reader
 * has the public page open in another browser, and each change reaches the reader's page as it is
 * made, without a reload.
 */

/** The reader's entries, as their texts, in the order shown. */
const readerEntries = (reader: Page) => reader.locator('.live-updates article');

/** Marks the reader's page, to tell one that kept running from one that was loaded again. */
async function markStaying(reader: Page): Promise<void> {
  await reader.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
}

async function stillTheSamePage(reader: Page): Promise<void> {
  expect(await reader.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
}

test('the desk posts, edits, pins and removes entries; a reader with the page open sees each arrive', async ({ deskApi, desk, reader }) => {
  const story = await publishedLiveStory(deskApi, 'Storm live on two screens');
  // The front page marks it Live; the reader follows it from there.
  await reader.goto('/');
  const listed = reader.getByRole('article').filter({ has: reader.getByRole('link', { name: story.headline }) }).first();
  await expect(listed.getByText('Live', { exact: true })).toBeVisible();
  await listed.getByRole('link', { name: story.headline }).click();
  await expect(reader).toHaveURL(`/news/${story.slug}`);
  await expect(reader.getByText('Live', { exact: true })).toBeVisible();
  await markStaying(reader);
  await openLiveDesk(desk, liveDeskOf(story));

  await desk.getByLabel('Headline').fill('Winds reach the coast');
  await composer(desk).fill('Gusts of 120 km/h were measured at the harbour.');
  await desk.getByRole('button', { name: 'Post entry' }).click();
  await expect(entryWith(desk, 'Gusts of 120 km/h')).toBeVisible();
  await expect(readerEntries(reader).first()).toContainText('Gusts of 120 km/h were measured at the harbour.');
  await expect(readerEntries(reader).first().getByRole('heading', { level: 3 })).toHaveText('Winds reach the coast');

  await composer(desk).pressSequentially('Ferries are cancelled for the day.');
  await composer(desk).press('Control+Enter');
  await expect(readerEntries(reader)).toHaveCount(2);
  await expect(readerEntries(reader).first()).toContainText('Ferries are cancelled for the day.');

  const gusts = entryWith(desk, 'Gusts of');
  await editEntryText(gusts, 'Gusts of 140 km/h were measured at the harbour.');
  await gusts.getByRole('button', { name: 'Save', exact: true }).click();
  const readersGusts = readerEntries(reader).filter({ hasText: 'Gusts of' });
  await expect(readersGusts).toContainText('Gusts of 140 km/h');
  await expect(readersGusts).toContainText(/Updated \d\d:\d\d/);

  await gusts.getByRole('button', { name: 'Pin' }).click();
  await expect(readerEntries(reader).first()).toContainText('Gusts of 140 km/h');
  await expect(readerEntries(reader).first().getByText('Pinned', { exact: true })).toBeVisible();

  await entryWith(desk, 'Ferries are cancelled').getByRole('button', { name: 'Remove' }).click();
  await desk.getByRole('dialog', { name: 'Remove this entry' }).getByRole('button', { name: 'Remove entry' }).click();
  await expect(readerEntries(reader)).toHaveCount(1);
  await expect(reader.getByText('Ferries are cancelled for the day.')).toHaveCount(0);

  await stillTheSamePage(reader);
});

test('the desk changes the key points and ends the coverage; the reader’s page follows, then stops', async ({ deskApi, desk, reader }) => {
  const story = await publishedLiveStory(deskApi, 'Vote count live on two screens');
  await postEntry(deskApi, story, { paragraphs: ['Counting has begun.'] });
  await reader.goto(`/news/${story.slug}`);
  await expect(readerEntries(reader)).toHaveCount(1);
  await markStaying(reader);
  await openLiveDesk(desk, liveDeskOf(story));

  await desk.getByLabel('Key point 1', { exact: true }).fill('Turnout is the highest since 1992');
  await desk.getByRole('button', { name: 'Save key points' }).click();
  await expect(reader.getByRole('region', { name: 'Key points' }).getByRole('listitem')).toHaveText(['Turnout is the highest since 1992']);

  await desk.getByRole('button', { name: 'End live coverage' }).click();
  await desk.getByRole('dialog', { name: 'End live coverage' }).getByRole('button', { name: 'End live coverage' }).click();
  await expect(reader.getByText('Live coverage ended')).toBeVisible();
  await expect(reader.getByText('Live', { exact: true })).toHaveCount(0);
  await stillTheSamePage(reader);

  // The next reader gets the archive page, from the cache, complete; the front page no longer marks it Live.
  await reader.reload();
  await expect(reader.getByText('Live', { exact: true })).toHaveCount(0);
  await expect(readerEntries(reader)).toContainText(['Counting has begun.']);
  await reader.goto('/');
  const listed = reader.getByRole('article').filter({ has: reader.getByRole('link', { name: story.headline }) }).first();
  await expect(listed).toBeVisible();
  await expect(listed.getByText('Live', { exact: true })).toHaveCount(0);
});
