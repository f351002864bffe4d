import { expectNoViolations } from './axe';
import { commentOnFares, FARES, storyInReview } from './comment-fixtures';
import { bodyOf, settleSelection } from './editor';
import { newPerson, signedInBrowser, STAFF } from './people';
import { expect, test } from './newsroom-fixtures';
import { openForEditing } from './publishing';

test('the desk comments on a selected passage; a name nobody has is refused, and markup in a comment stays text', async ({ writerApi, desk }) => {
  const story = await storyInReview(writerApi, 'Tram line opens');

  await openForEditing(desk, story.url);
  const comments = desk.getByRole('region', { name: 'Comments' });
  await comments.getByRole('button', { name: 'Comment on selected text' }).click();
  await expect(comments.getByText('Select a passage of the body first.')).toBeVisible();
  // The desk selects the fares sentence and asks about it.
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
  await box.fill(`@${STAFF.editor.name} are fares really 2 pounds? ${hostile}`);
  await comments.getByRole('button', { name: 'Post comment' }).click();
  const thread = comments.getByRole('article').filter({ hasText: 'are fares really 2 pounds?' });
  await expect(thread.locator('blockquote')).toHaveText(FARES);
  await expect(thread).toContainText(hostile);
  await expect(desk.locator('img[src="x"]')).toHaveCount(0);
  await expectNoViolations(desk);
});

test('a colleague mentioned in a comment finds it on their bell, which leads to the story, and on the notifications page', async ({ browser, writerApi, deskApi }) => {
  const story = await storyInReview(writerApi, 'Tram fares set');
  const colleague = newPerson('editor', `Mina Mention ${story.headline.slice(-6)}`);
  await commentOnFares(deskApi, story.id, `@${colleague.name} are fares really 2 pounds?`);

  const { context, page: theirs } = await signedInBrowser(browser, colleague.email);
  const bell = theirs.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = theirs.getByRole('region', { name: 'Notifications' });
  await expect(panel).toContainText(`Cora Desk mentioned you on “${story.headline}”`);
  // The open panel itself. The desk under it is checked on its own (accessibility-desk); with the
  // panel over it, how much of a filter it hides (axe's target-size) depends on how this story's
  // headline happens to wrap.
  await expectNoViolations(theirs, '.bell');
  await panel.getByRole('link', { name: new RegExp(`mentioned you on “${story.headline}”`) }).click();
  await expect(theirs).toHaveURL(new RegExp(`${story.url}$`));
  await expect(theirs.getByRole('button', { name: 'Notifications' })).toBeVisible();

  await theirs.goto('/desk/notifications');
  await expect(theirs.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
  await expect(theirs.locator('main').getByText(`Cora Desk mentioned you on “${story.headline}”`)).toBeVisible();
  await expectNoViolations(theirs);
  await context.close();
});

test('the writer answers the desk’s comment, and the desk resolves the thread, which folds away', async ({ writerApi, deskApi, writer, desk }) => {
  const story = await storyInReview(writerApi, 'Tram timetable');
  await commentOnFares(deskApi, story.id, 'Are fares really 2 pounds?');

  await writer.goto(story.url);
  const writerThread = writer.getByRole('region', { name: 'Comments' }).getByRole('article').filter({ hasText: 'Are fares really 2 pounds?' });
  await expect(writerThread.locator('blockquote')).toHaveText(FARES);
  await writerThread.getByRole('button', { name: 'Reply' }).click();
  await writerThread.getByLabel('Reply to Cora Desk').fill('Yes, checked with the operator.');
  await writerThread.getByRole('button', { name: 'Post reply' }).click();
  await expect(writerThread).toContainText('Yes, checked with the operator.');

  await desk.goto(story.url);
  const comments = desk.getByRole('region', { name: 'Comments' });
  const thread = comments.getByRole('article').filter({ hasText: 'Are fares really 2 pounds?' });
  await expect(thread).toContainText('Yes, checked with the operator.');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(comments.getByText('Resolved (1)')).toBeVisible();
  await expect(comments.getByText('No open comments.')).toBeVisible();
});
