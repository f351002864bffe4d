import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { appendToBody, newsArticleOf, newsroomPages, openForEditing, publishingPanel, publishUpdate, uniqueHeadline, WIRE_TIME, writeStory } from './publishing';

test('a story goes from its writer through the copy desk to the public page, and its stamp moves only for an update or a correction', async ({
  browser,
}) => {
  test.slow();
  const { writer, desk, reader } = await newsroomPages(browser);
  const { headline, slug } = uniqueHeadline('Harbour strike ends');
  const url = await writeStory(writer, { headline, place: 'ODESA', source: 'Dateline', body: 'Dockers returned to work on Monday after a two-week strike.' });

  // The writer hands it to the copy desk and can no longer change it.
  await publishingPanel(writer).getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted to the copy desk.')).toBeVisible();
  await expect(writer.getByRole('complementary', { name: 'Article details' }).getByText('In review', { exact: true })).toBeVisible();
  await expect(writer.getByLabel('Headline')).not.toBeEditable();
  await expect(publishingPanel(writer).getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // The copy desk approves it; the writer, an editor, publishes the approved version.
  await desk.goto(url);
  await publishingPanel(desk).getByRole('button', { name: 'Approve' }).click();
  await expect(desk.getByText('Approved.', { exact: true })).toBeVisible();
  await desk.goto('/desk');
  await writer.reload();
  await publishingPanel(writer).getByRole('button', { name: 'Publish' }).click();
  await expect(writer.getByText(`Published at /news/${slug}.`)).toBeVisible();
  await expect(publishingPanel(writer).getByRole('link', { name: `/news/${slug}` })).toBeVisible();
  await writer.context().close();

  // Readers see it with the wire stamp and the dateline, not yet "Updated".
  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  const stamp = reader.locator('.wire-stamp');
  await expect(stamp).toHaveText(new RegExp(`^${WIRE_TIME.source}$`));
  await expect(reader.locator('.article-body p').first()).toHaveText('ODESA (Dateline) - Dockers returned to work on Monday after a two-week strike.');
  const firstSeen = await newsArticleOf(reader);
  expect(firstSeen).toMatchObject({ '@type': 'NewsArticle', headline, dateline: 'ODESA (Dateline)' });
  expect(firstSeen.dateModified).toBe(firstSeen.datePublished);
  await expectNoViolations(reader);
  const firstStamp = await stamp.textContent();

  // A minor fix goes live without moving the stamp.
  await openForEditing(desk, url);
  await appendToBody(desk, ' Cranes were working by noon.');
  await expect(publishingPanel(desk).getByText('This version has changes the public page does not show yet.')).toBeVisible();
  await reader.reload();
  await expect(reader.getByText('Cranes were working by noon.')).toHaveCount(0);
  await publishUpdate(desk, 'Minor fix');
  await reader.reload();
  await expect(reader.getByText('Cranes were working by noon.', { exact: false })).toBeVisible();
  await expect(stamp).toHaveText(firstStamp ?? '');

  // An update moves it: "(Updated: …)", and dateModified in the JSON-LD.
  await appendToBody(desk, ' The port authority said exports would resume on Tuesday.');
  await publishUpdate(desk, 'Update');
  await reader.reload();
  await expect(stamp).toHaveText(new RegExp(`^${WIRE_TIME.source} \\(Updated: ${WIRE_TIME.source}\\)$`));
  const updated = await newsArticleOf(reader);
  expect(updated.datePublished).toBe(firstSeen.datePublished);
  expect(Date.parse(String(updated.dateModified))).toBeGreaterThan(Date.parse(String(firstSeen.datePublished)));

  // A correction shows its note, dated, at the foot of the story and on the corrections page.
  await appendToBody(desk, ' The strike lasted 15 days.');
  await publishUpdate(desk, 'Correction', 'An earlier version said the strike lasted two weeks; it lasted 15 days.');
  await reader.reload();
  const corrections = reader.getByRole('complementary', { name: 'Corrections' });
  await expect(corrections).toContainText(new RegExp(`${WIRE_TIME.source}: An earlier version said the strike lasted two weeks; it lasted 15 days\\.`));
  expect((await newsArticleOf(reader)).correction).toEqual([
    expect.objectContaining({ '@type': 'CorrectionComment', text: 'An earlier version said the strike lasted two weeks; it lasted 15 days.' }),
  ]);
  await reader.goto('/corrections');
  await expect(reader.getByRole('link', { name: headline })).toBeVisible();
  await expectNoViolations(reader);
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: headline })).toBeVisible();
  await expectNoViolations(reader);

  // Withdrawn: the address answers 410 with a page saying so; the front page drops it.
  await publishingPanel(desk).getByRole('button', { name: 'Withdraw' }).click();
  const withdraw = desk.getByRole('dialog', { name: 'Withdraw this story' });
  await expectNoViolations(desk);
  await withdraw.getByRole('button', { name: 'Withdraw' }).click();
  await expect(withdraw.getByText('Say why the story is withdrawn.')).toBeVisible();
  await withdraw.getByLabel('Reason').fill('The strike has not ended; the union denied the report.');
  await withdraw.getByRole('button', { name: 'Withdraw' }).click();
  await expect(desk.getByText(`Withdrawn: /news/${slug} now answers “gone”.`)).toBeVisible();
  const gone = await reader.goto(`/news/${slug}`);
  expect(gone?.status()).toBe(410);
  await expect(reader.getByRole('heading', { name: 'This story has been withdrawn' })).toBeVisible();
  await expect(reader.getByText(headline)).toBeVisible();
  await expectNoViolations(reader);
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: headline })).toHaveCount(0);
});

test('publishing is refused, with the list of what to fix, while the story is not ready', async ({ browser }) => {
  const { desk } = await newsroomPages(browser);
  const url = await writeStory(desk, { headline: '', place: 'LEEDS', source: 'Dateline', body: 'A body without a headline.' });
  await expect(desk.getByRole('region', { name: 'Before publishing' }).getByText('The headline is empty.')).toBeVisible();
  await publishingPanel(desk).getByRole('button', { name: 'Publish' }).click();
  const refusal = desk.getByRole('alert', { name: 'Not done' });
  await expect(refusal).toContainText('This article cannot be published until these are fixed.');
  await expect(refusal.getByRole('listitem')).toHaveText(['The headline is empty.']);
  const article = await desk.request.get(`/api/articles/${url.split('/').pop()}`);
  expect(await article.json()).toMatchObject({ status: 'draft', live: false, firstPublishedAt: null, slug: null });
});

test('the copy desk sends a story back with a note the writer sees, and takes a scheduled story off the schedule', async ({ browser }) => {
  const { writer, desk } = await newsroomPages(browser);
  const { headline } = uniqueHeadline('Library hours cut');
  const url = await writeStory(writer, { headline, place: 'LEEDS', source: 'Dateline', body: 'Branch libraries will close on Mondays.' });
  await publishingPanel(writer).getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted to the copy desk.')).toBeVisible();
  await writer.goto('/desk');

  // Scheduled, then taken off the schedule: it stays approved.
  await desk.goto(url);
  await publishingPanel(desk).getByRole('button', { name: 'Approve' }).click();
  await expect(desk.getByText('Approved.', { exact: true })).toBeVisible();
  await publishingPanel(desk).getByRole('button', { name: 'Schedule' }).click();
  const schedule = desk.getByRole('dialog', { name: 'Schedule' });
  await schedule.getByRole('button', { name: 'Schedule' }).click();
  await expect(publishingPanel(desk).getByText(/^Scheduled for \d\d:\d\d GMT/)).toBeVisible();
  await publishingPanel(desk).getByRole('button', { name: 'Unschedule' }).click();
  await expect(desk.getByText('Taken off the schedule; it stays approved.')).toBeVisible();
  await expect(desk.getByRole('complementary', { name: 'Article details' }).getByText('Approved', { exact: true })).toBeVisible();

  // Returned with a note, which is required.
  await publishingPanel(desk).getByRole('button', { name: 'Return to writer' }).click();
  const back = desk.getByRole('dialog', { name: 'Return to writer' });
  await expectNoViolations(desk);
  await back.getByRole('button', { name: 'Return to writer' }).click();
  await expect(back.getByText('Tell the writer what to change.')).toBeVisible();
  await back.getByLabel('Note to the writer').fill('Which branches? Name them, and say from when.');
  await back.getByRole('button', { name: 'Return to writer' }).click();
  await expect(desk.getByText('Returned to the writer with your note.')).toBeVisible();
  // The desk leaves the article, letting go of its edit lock.
  await desk.goto('/desk');

  await writer.goto(url);
  const note = writer.getByRole('note', { name: 'Returned by the copy desk' });
  await expect(note).toContainText('Returned by Cora Desk');
  await expect(note).toContainText('Which branches? Name them, and say from when.');
  // Editable again once the writer's editor holds the lock (at most one heartbeat if the desk's release is late).
  await expect(writer.getByLabel('Headline')).toBeEditable({ timeout: 20_000 });
  await expect(publishingPanel(writer).getByRole('button', { name: 'Submit for review' })).toBeVisible();
});
