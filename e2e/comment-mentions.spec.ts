import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { bodyOf, settleSelection } from './editor';
import { newPerson, signIn } from './people';
import { newsroomPages, openForEditing, publishingPanel, uniqueHeadline, writeStory } from './publishing';

test('the desk comments on a passage and mentions a colleague, whose bell shows it; the thread is answered and resolved', async ({ browser }) => {
  test.slow();
  const { writer, desk } = await newsroomPages(browser);
  const { headline } = uniqueHeadline('Tram line opens');
  const url = await writeStory(writer, { headline, place: 'EDINBURGH', source: 'Dateline', body: 'Trams ran to the airport for the first time. Fares start at 2 pounds.' });
  await publishingPanel(writer).getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted to the copy desk.')).toBeVisible();
  const colleague = newPerson('editor', `Mina Mention ${headline.slice(-6)}`);

  // The desk selects the fares sentence and asks about it.
  await openForEditing(desk, url);
  const comments = desk.getByRole('region', { name: 'Comments' });
  await comments.getByRole('button', { name: 'Comment on selected text' }).click();
  await expect(comments.getByText('Select a passage of the body first.')).toBeVisible();
  await bodyOf(desk).click();
  await desk.keyboard.press('Control+End');
  for (let word = 0; word < 6; word++) await desk.keyboard.press('Control+Shift+ArrowLeft');
  await settleSelection(desk);
  await comments.getByRole('button', { name: 'Comment on selected text' }).click();
  await expect(comments.getByText('On the passage')).toBeVisible();

  // A name nobody has is refused, and the text stays to be fixed.
  const box = comments.getByLabel('Your comment');
  await box.fill('@Nobody Atall is this right?');
  await comments.getByRole('button', { name: 'Post comment' }).click();
  await expect(comments.getByRole('alert')).toContainText('No one on the desk is called @Nobody');
  await expect(box).toHaveValue('@Nobody Atall is this right?');

  const hostile = '<img src=x onerror="document.title=1">';
  await box.fill(`@${colleague.name} are fares really 2 pounds? ${hostile}`);
  await comments.getByRole('button', { name: 'Post comment' }).click();
  const thread = comments.getByRole('article').filter({ hasText: 'are fares really 2 pounds?' });
  await expect(thread.locator('blockquote')).toHaveText('Fares start at 2 pounds.');
  await expect(thread).toContainText(hostile);
  await expect(desk.locator('img[src="x"]')).toHaveCount(0);
  await expectNoViolations(desk);

  // The colleague's bell says so, and leads to the story.
  const theirs = await (await browser.newContext()).newPage();
  await signIn(theirs, colleague.email);
  const bell = theirs.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = theirs.getByRole('region', { name: 'Notifications' });
  await expect(panel).toContainText(`Cora Desk mentioned you on “${headline}”`);
  await expectNoViolations(theirs);
  await panel.getByRole('link', { name: new RegExp(`mentioned you on “${headline}”`) }).click();
  await expect(theirs).toHaveURL(url);
  await expect(theirs.getByRole('button', { name: 'Notifications' })).toBeVisible();

  // The writer answers; the desk resolves the thread, which folds away.
  await writer.reload();
  const writerThread = writer.getByRole('region', { name: 'Comments' }).getByRole('article').filter({ hasText: 'are fares really 2 pounds?' });
  await writerThread.getByRole('button', { name: 'Reply' }).click();
  await writerThread.getByLabel('Reply to Cora Desk').fill('Yes, checked with the operator.');
  await writerThread.getByRole('button', { name: 'Post reply' }).click();
  await expect(writerThread).toContainText('Yes, checked with the operator.');

  await desk.reload();
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(comments.getByText('Resolved (1)')).toBeVisible();
  await expect(comments.getByText('No open comments.')).toBeVisible();

  await theirs.goto('/desk/notifications');
  await expect(theirs.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(theirs.locator('main').getByText(`Cora Desk mentioned you on “${headline}”`)).toBeVisible();
  await expectNoViolations(theirs);
});
