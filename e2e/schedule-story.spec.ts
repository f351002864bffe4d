import { expect, type Page, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { clickSave } from './editor';
import { newsroomPages, publishingPanel, uniqueHeadline, writeStory } from './publishing';

/** `YYYY-MM-DDTHH:MM` in UTC (the e2e newsroom's zone), at least half a minute ahead. */
function aboutAMinuteAhead(): string {
  return new Date(Date.now() + 90_000).toISOString().slice(0, 16);
}

/** Schedules the story open on the page, at a time in the newsroom's zone. */
async function schedule(page: Page, localTime: string): Promise<void> {
  await publishingPanel(page).getByRole('button', { name: 'Schedule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule' });
  await dialog.getByLabel('Publish at').fill(localTime);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog).toBeHidden();
}

test('a story scheduled a minute ahead goes out by itself; one that can no longer go out says why on the desk', async ({ browser }) => {
  test.setTimeout(180_000);
  const { desk, reader } = await newsroomPages(browser);
  const due = aboutAMinuteAhead();

  // A second story, scheduled for the same minute, loses its headline before then.
  const doomed = uniqueHeadline('Doomed embargo');
  const doomedUrl = await writeStory(desk, { headline: doomed.headline, place: 'PARIS', source: 'Dateline', body: 'This one will not go out.' });
  await schedule(desk, due);
  await desk.getByLabel('Headline').fill('');
  await clickSave(desk);

  const { headline, slug } = uniqueHeadline('Budget published at noon');
  const url = await writeStory(desk, { headline, place: 'LONDON', source: 'Dateline', body: 'The budget was published at noon.' });

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

  await dialog.getByLabel('Publish at').fill(due);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog).toBeHidden();
  const panel = publishingPanel(desk);
  await expect(panel.getByText(/^Scheduled for \d\d:\d\d GMT/)).toBeVisible();
  await expect(panel.getByText(`/news/${slug}`, { exact: true })).toBeVisible();
  expect((await reader.goto(`/news/${slug}`))?.status()).toBe(404);

  // Nobody clicks anything: the server's scheduler publishes it.
  await expect
    .poll(async () => (await reader.request.get(`/news/${slug}`)).status(), { timeout: 150_000, intervals: [5_000] })
    .toBe(200);
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  await desk.goto(url);
  await expect(desk.getByRole('complementary', { name: 'Article details' }).getByText('Published', { exact: true })).toBeVisible();
  await desk.goto('/desk');
  await expect(desk.getByRole('row', { name: new RegExp(headline) }).getByText('Live')).toBeVisible();

  // The other one is back to Approved, and the desk says why, not silently.
  await desk.goto('/desk?status=approved');
  await expect(desk.getByRole('row', { name: /Untitled draft/ }).filter({ hasText: 'Scheduled publish failed' })).toHaveCount(1);
  await desk.goto(doomedUrl);
  await expect(desk.getByRole('alert', { name: 'Scheduled publish failed' })).toContainText('This article cannot be published until these are fixed.');
  await expect(desk.getByRole('complementary', { name: 'Article details' }).getByText('Approved', { exact: true })).toBeVisible();
});
