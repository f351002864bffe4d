import { expectNoViolations } from './axe';
import { commentOnFares, FARES, storyInReview } from './comment-fixtures';
import { linkIn, waitForMail } from './mail';
import { expect, test } from './newsroom-fixtures';
import { newPerson, PASSWORD, signedInBrowser } from './people';

const MENTION_SUBJECT = 'You were mentioned in a comment';

test('a colleague mentioned in a comment gets an email whose link opens the story at that comment’s passage', async ({ browser, writerApi, deskApi }) => {
  const story = await storyInReview(writerApi, 'Tram fares by mail');
  const colleague = newPerson('editor', `Milo Mail ${story.headline.slice(-6)}`);
  await commentOnFares(deskApi, story.id, `@${colleague.name} are fares really 2 pounds? <b>check</b>`);

  const mail = await waitForMail(colleague.email, MENTION_SUBJECT);
  expect(mail.from?.text).toBe('desk@e2e.example');
  // Both parts say who mentioned them where, and quote the comment; the HTML part shows markup as text.
  expect(mail.text).toContain(`Cora Desk mentioned you on “${story.headline}”`);
  expect(mail.text).toContain('are fares really 2 pounds? <b>check</b>');
  expect(mail.html).toContain(`Cora Desk mentioned you on “${story.headline}”`);
  expect(mail.html).toContain('&lt;b&gt;check&lt;/b&gt;');
  const link = linkIn(mail, 'Open the comment');
  expect(link).toMatch(new RegExp(`/desk/articles/${story.id}\\?comment=\\d+$`));
  expect(mail.text).toContain(link);

  const { context, page } = await signedInBrowser(browser, colleague.email);
  await page.goto(link);
  const shown = page.getByRole('article', { name: 'The comment you were sent to' });
  await expect(shown).toBeFocused();
  await expect(shown.locator('blockquote')).toHaveText(FARES);
  await expect(shown).toContainText('are fares really 2 pounds?');
  await expect(shown).toBeInViewport();
  await expectNoViolations(page, '.comments');
  await context.close();
});

test('following the mention’s link signed out leads through sign-in to the same comment', async ({ browser, writerApi, deskApi }) => {
  const story = await storyInReview(writerApi, 'Tram fares signed out');
  const colleague = newPerson('editor', `Sian Signin ${story.headline.slice(-6)}`);
  await commentOnFares(deskApi, story.id, `@${colleague.name} which fare is this?`);
  const link = linkIn(await waitForMail(colleague.email, MENTION_SUBJECT), 'Open the comment');

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/login\?/);
  await page.getByLabel('Email').fill(colleague.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const shown = page.getByRole('article', { name: 'The comment you were sent to' });
  await expect(shown).toContainText('which fare is this?');
  await expect(shown.locator('blockquote')).toHaveText(FARES);
  await context.close();
});
