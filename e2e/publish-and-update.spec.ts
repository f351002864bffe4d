import type { APIRequestContext } from '@playwright/test';
import { draftStory, publishedStory, storyNow, takeStep } from './api-fixtures';
import { expectNoViolations } from './axe';
import { expect, test } from './newsroom-fixtures';
import { appendToBody, newsArticleOf, openForEditing, publishingPanel, publishUpdate, uniqueHeadline, WIRE_TIME } from './publishing';

/** A writer's story, set up through the API and taken as far as `through` (submit, then approve by the desk). */
async function writersStory(writer: APIRequestContext, desk: APIRequestContext, words: string, through: 'draft' | 'submit' | 'approve') {
  const { headline, slug } = uniqueHeadline(words);
  const draft = await draftStory(writer, {
    headline,
    place: 'ODESA',
    byline: 'Rita Reporter',
    paragraphs: ['Dockers returned to work on Monday after a two-week strike.'],
  });
  const story = { id: draft.id, url: draft.url, headline, slug };
  if (through === 'draft') return story;
  const submitted = await takeStep(writer, draft.id, { action: 'submit', version: draft.version });
  if (through === 'approve') await takeStep(desk, draft.id, { action: 'approve', version: submitted.version });
  return story;
}

test('the writer hands a story to the copy desk and can no longer change it; the desk approves it', async ({ writerApi, deskApi, writer, desk }) => {
  const { url } = await writersStory(writerApi, deskApi, 'Harbour strike ends', 'draft');

  await openForEditing(writer, url);
  await publishingPanel(writer).getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted to the copy desk.')).toBeVisible();
  await expect(writer.getByRole('complementary', { name: 'Article details' }).getByText('In review', { exact: true })).toBeVisible();
  await expect(writer.getByLabel('Headline')).not.toBeEditable();
  await expect(publishingPanel(writer).getByRole('button', { name: 'Approve' })).toHaveCount(0);

  await desk.goto(url);
  await publishingPanel(desk).getByRole('button', { name: 'Approve' }).click();
  await expect(desk.getByText('Approved.', { exact: true })).toBeVisible();
  await expect(desk.getByRole('complementary', { name: 'Article details' }).getByText('Approved', { exact: true })).toBeVisible();
});

test('the writer publishes the approved story; readers see it with the wire stamp and the dateline, not yet “Updated”', async ({ writerApi, deskApi, writer, reader }) => {
  const { url, headline, slug } = await writersStory(writerApi, deskApi, 'Harbour strike over', 'approve');

  await writer.goto(url);
  await publishingPanel(writer).getByRole('button', { name: 'Publish' }).click();
  await expect(writer.getByText(`Published at /news/${slug}.`)).toBeVisible();
  await expect(publishingPanel(writer).getByRole('link', { name: `/news/${slug}` })).toBeVisible();

  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(reader.locator('.wire-stamp')).toHaveText(new RegExp(`^${WIRE_TIME.source}$`));
  await expect(reader.locator('.article-body p').first()).toHaveText('ODESA (Dateline) - Dockers returned to work on Monday after a two-week strike.');
  const seen = await newsArticleOf(reader);
  expect(seen).toMatchObject({ '@type': 'NewsArticle', headline, dateline: 'ODESA (Dateline)' });
  expect(seen.dateModified).toBe(seen.datePublished);
  await expectNoViolations(reader);
});

test('a story published as its page opens stays published when the page’s first read arrives late', async ({ writerApi, desk }) => {
  const { id, url, slug } = await writersStory(writerApi, writerApi, 'Ferry talks resume', 'draft');
  // The read the editor makes once it holds the lock is answered before the publish, and reaches
  // the browser after it, as on a slow connection.
  let deliverRead = () => {};
  let readAnswered = () => {};
  const readHeld = new Promise<void>((resolve) => (deliverRead = resolve));
  const answered = new Promise<void>((resolve) => (readAnswered = resolve));
  await desk.route(`**/api/articles/${id}`, async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const earlyAnswer = await route.fetch();
    readAnswered();
    await readHeld;
    await route.fulfill({ response: earlyAnswer });
  });
  const readDelivered = desk.waitForResponse((response) => response.request().method() === 'GET' && new URL(response.url()).pathname === `/api/articles/${id}`);

  await desk.goto(url);
  await answered;
  await publishingPanel(desk).getByRole('button', { name: 'Publish' }).click();
  await expect(desk.getByText(`Published at /news/${slug}.`)).toBeVisible();
  deliverRead();
  await readDelivered;
  // What the page makes of it is drawn within the next frames.
  await desk.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

  await expect(publishingPanel(desk).getByText('On the site')).toBeVisible();
  await publishingPanel(desk).getByRole('button', { name: 'Change address' }).click();
  await expect(desk.getByRole('dialog', { name: 'Change address' }).getByText('The old address will keep working')).toBeVisible();
});

test('a minor fix goes live without moving the story’s stamp', async ({ deskApi, desk, reader }) => {
  const { id, slug } = await publishedStory(deskApi, 'Harbour cranes');
  await reader.goto(`/news/${slug}`);
  const stamp = reader.locator('.wire-stamp');
  const firstStamp = await stamp.textContent();

  await openForEditing(desk, `/desk/articles/${id}`);
  await appendToBody(desk, ' Cranes were working by noon.');
  await expect(publishingPanel(desk).getByText('This version has changes the public page does not show yet.')).toBeVisible();
  await reader.reload();
  await expect(reader.getByText('Cranes were working by noon.')).toHaveCount(0);
  await publishUpdate(desk, 'Minor fix');
  await reader.reload();
  await expect(reader.getByText('Cranes were working by noon.', { exact: false })).toBeVisible();
  await expect(stamp).toHaveText(firstStamp ?? '');
  const fixed = await newsArticleOf(reader);
  expect(fixed.dateModified).toBe(fixed.datePublished);
});

test('an update moves the stamp: “(Updated: …)” on the page and dateModified in the JSON-LD', async ({ deskApi, desk, reader }) => {
  const { id, slug } = await publishedStory(deskApi, 'Port exports');
  await reader.goto(`/news/${slug}`);
  const firstSeen = await newsArticleOf(reader);

  await openForEditing(desk, `/desk/articles/${id}`);
  await appendToBody(desk, ' The port authority said exports would resume on Tuesday.');
  await publishUpdate(desk, 'Update');
  await reader.reload();
  await expect(reader.locator('.wire-stamp')).toHaveText(new RegExp(`^${WIRE_TIME.source} \\(Updated: ${WIRE_TIME.source}\\)$`));
  const updated = await newsArticleOf(reader);
  expect(updated.datePublished).toBe(firstSeen.datePublished);
  expect(Date.parse(String(updated.dateModified))).toBeGreaterThan(Date.parse(String(firstSeen.datePublished)));
});

test('a correction shows its dated note at the foot of the story and in the JSON-LD', async ({ deskApi, desk, reader }) => {
  const { id, slug } = await publishedStory(deskApi, 'Strike length');
  const correction = 'An earlier version said the strike lasted two weeks; it lasted 15 days.';

  await openForEditing(desk, `/desk/articles/${id}`);
  await appendToBody(desk, ' The strike lasted 15 days.');
  await publishUpdate(desk, 'Correction', correction);
  await reader.goto(`/news/${slug}`);
  const corrections = reader.getByRole('complementary', { name: 'Corrections' });
  await expect(corrections).toContainText(new RegExp(`${WIRE_TIME.source}: An earlier version said the strike lasted two weeks; it lasted 15 days\\.`));
  expect((await newsArticleOf(reader)).correction).toEqual([expect.objectContaining({ '@type': 'CorrectionComment', text: correction })]);
});

test('a withdrawn story answers 410 with a page saying so, and leaves the front page', async ({ deskApi, desk, reader }) => {
  const { id, slug, headline } = await publishedStory(deskApi, 'Strike report');
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: headline })).toBeVisible();

  await openForEditing(desk, `/desk/articles/${id}`);
  await publishingPanel(desk).getByRole('button', { name: 'Withdraw' }).click();
  const withdraw = desk.getByRole('dialog', { name: 'Withdraw this story' });
  await expect(withdraw.getByLabel('Reason')).toBeVisible();
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

test('publishing is refused, with the list of what to fix, while the story is not ready', async ({ deskApi, desk }) => {
  const { id, url } = await draftStory(deskApi, { headline: '', place: 'LEEDS', paragraphs: ['A body without a headline.'] });
  await openForEditing(desk, url);
  await expect(desk.getByRole('region', { name: 'Before publishing' }).getByText('The headline is empty.')).toBeVisible();
  await publishingPanel(desk).getByRole('button', { name: 'Publish' }).click();
  const refusal = desk.getByRole('alert', { name: 'Not done' });
  await expect(refusal).toContainText('This article cannot be published until these are fixed.');
  await expect(refusal.getByRole('listitem')).toHaveText(['The headline is empty.']);
  const article = await deskApi.get(`/api/articles/${id}`);
  expect(await article.json()).toMatchObject({ status: 'draft', live: false, firstPublishedAt: null, slug: null });
});

test('the copy desk schedules an approved story and takes it off the schedule; it stays approved', async ({ writerApi, deskApi, desk }) => {
  const { url } = await writersStory(writerApi, deskApi, 'Library hours cut', 'approve');

  await openForEditing(desk, url);
  await publishingPanel(desk).getByRole('button', { name: 'Schedule' }).click();
  const schedule = desk.getByRole('dialog', { name: 'Schedule' });
  await schedule.getByRole('button', { name: 'Schedule' }).click();
  await expect(publishingPanel(desk).getByText(/^Scheduled for \d\d:\d\d GMT/)).toBeVisible();
  await publishingPanel(desk).getByRole('button', { name: 'Unschedule' }).click();
  await expect(desk.getByText('Taken off the schedule; it stays approved.')).toBeVisible();
  await expect(desk.getByRole('complementary', { name: 'Article details' }).getByText('Approved', { exact: true })).toBeVisible();
});

test('the copy desk sends a story back only with a note', async ({ writerApi, deskApi, desk }) => {
  const { url } = await writersStory(writerApi, deskApi, 'Library branches close', 'submit');

  await openForEditing(desk, url);
  await publishingPanel(desk).getByRole('button', { name: 'Return to writer' }).click();
  const back = desk.getByRole('dialog', { name: 'Return to writer' });
  await expect(back.getByLabel('Note to the writer')).toBeVisible();
  await expectNoViolations(desk);
  await back.getByRole('button', { name: 'Return to writer' }).click();
  await expect(back.getByText('Tell the writer what to change.')).toBeVisible();
  await back.getByLabel('Note to the writer').fill('Which branches? Name them, and say from when.');
  await back.getByRole('button', { name: 'Return to writer' }).click();
  await expect(desk.getByText('Returned to the writer with your note.')).toBeVisible();
});

test('a writer whose story came back sees who returned it and why, and may edit it again', async ({ writerApi, deskApi, writer }) => {
  const { id, url } = await writersStory(writerApi, deskApi, 'Library branches shut', 'submit');
  // The desk's return, as its dialog sends it (the previous spec drives it by hand).
  await takeStep(deskApi, id, { action: 'return', version: (await storyNow(deskApi, id)).version, note: 'Which branches? Name them, and say from when.' });

  await writer.goto(url);
  const note = writer.getByRole('note', { name: 'Returned by the copy desk' });
  await expect(note).toContainText('Returned by Cora Desk');
  await expect(note).toContainText('Which branches? Name them, and say from when.');
  await expect(writer.getByLabel('Headline')).toBeEditable();
  await expect(publishingPanel(writer).getByRole('button', { name: 'Submit for review' })).toBeVisible();
});
