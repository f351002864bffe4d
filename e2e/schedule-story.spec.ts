import { draftStory, saveStory, storyNow, takeStep } from './api-fixtures';
import { expectNoViolations } from './axe';
import { expect, test } from './newsroom-fixtures';
import { openForEditing, publishingPanel, uniqueHeadline } from './publishing';

/**
 * A wall-clock time in UTC (the e2e newsroom's zone) a few seconds ahead, to the second, as the API
 * takes it. The suite's scheduler looks every second (SCHEDULER_INTERVAL_SECONDS in playwright.config.ts),
 * so a story due then goes out at most a second later: nothing waits for a whole minute to come round.
 */
function secondsAhead(seconds: number): string {
  return new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19);
}

test('the schedule dialog refuses an unknown zone and a past time, then schedules the story and gives its address ahead', async ({ deskApi, desk, request }) => {
  const { headline, slug } = uniqueHeadline('Budget embargoed until noon');
  const { url } = await draftStory(deskApi, { headline, paragraphs: ['The budget is published at noon.'] });

  await openForEditing(desk, url);
  await publishingPanel(desk).getByRole('button', { name: 'Schedule' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Schedule' });
  await expect(dialog.getByLabel('Time zone')).toHaveValue('UTC');
  await dialog.getByLabel('Time zone').fill('Mars/Olympus');
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog.getByText('“Mars/Olympus” is not a time zone we know.')).toBeVisible();
  await dialog.getByLabel('Time zone').fill('UTC');
  await dialog.getByLabel('Publish at').fill('2020-01-01T09:00');
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog.getByText('Choose a time in the future.')).toBeVisible();
  await expectNoViolations(desk);

  await dialog.getByLabel('Publish at').fill(new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 16));
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog).toBeHidden();
  const panel = publishingPanel(desk);
  await expect(panel.getByText(/^Scheduled for \d\d:\d\d GMT/)).toBeVisible();
  await expect(panel.getByText(`/news/${slug}`, { exact: true })).toBeVisible();
  // Readers (no session) cannot see it yet.
  expect((await request.get(`/news/${slug}`)).status()).toBe(404);
});

test('a scheduled story goes out by itself when its time comes', async ({ deskApi, desk, reader }) => {
  const { headline, slug } = uniqueHeadline('Budget published at noon');
  const draft = await draftStory(deskApi, { headline, paragraphs: ['The budget was published at noon.'] });
  await takeStep(deskApi, draft.id, { action: 'schedule', version: draft.version, localTime: secondsAhead(5), timeZone: 'UTC' });
  expect((await reader.request.get(`/news/${slug}`)).status()).toBe(404);

  // Nobody clicks anything: the server's scheduler publishes it.
  await expect.poll(async () => (await reader.request.get(`/news/${slug}`)).status(), { intervals: [250] }).toBe(200);
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  await desk.goto(draft.url);
  await expect(desk.getByRole('complementary', { name: 'Article details' }).getByText('Published', { exact: true })).toBeVisible();
  await desk.goto('/desk');
  await expect(desk.getByRole('row', { name: new RegExp(headline) }).getByText('Live')).toBeVisible();
});

test('a scheduled story that can no longer go out is back to Approved, and the desk says why', async ({ deskApi, desk }) => {
  const { headline } = uniqueHeadline('Doomed embargo');
  const story = { headline, place: 'PARIS', paragraphs: ['This one will not go out.'] };
  const draft = await draftStory(deskApi, story);
  const scheduled = await takeStep(deskApi, draft.id, { action: 'schedule', version: draft.version, localTime: secondsAhead(5), timeZone: 'UTC' });
  // It loses its headline before its time comes.
  await saveStory(deskApi, draft.id, scheduled.version, { ...story, headline: '' });

  await expect.poll(async () => (await storyNow(deskApi, draft.id)).status, { intervals: [250] }).toBe('approved');
  await desk.goto('/desk?status=approved');
  await expect(desk.getByRole('row', { name: /Untitled draft/ }).filter({ hasText: 'Scheduled publish failed' })).toHaveCount(1);
  await desk.goto(draft.url);
  await expect(desk.getByRole('alert', { name: 'Scheduled publish failed' })).toContainText('This article cannot be published until these are fixed.');
  await expect(desk.getByRole('complementary', { name: 'Article details' }).getByText('Approved', { exact: true })).toBeVisible();
});
