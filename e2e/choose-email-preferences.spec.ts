import { expectNoViolations } from './axe';
import { commentOnFares, storyInReview } from './comment-fixtures';
import { messagesTo, waitForMail } from './mail';
import { expect, test } from './newsroom-fixtures';
import { newPerson, signedInBrowser } from './people';

test('a copy editor turns off mention emails on their account page, and is then emailed submissions but not mentions', async ({ browser, writerApi, deskApi }) => {
  const person = newPerson('copy_editor', `Petra Prefs ${Date.now().toString(36)}`);
  const { context, page } = await signedInBrowser(browser, person.email);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Email' });
  await expect(section).toContainText('Choose what Dateline emails you.');
  const mentions = section.getByRole('group', { name: 'Someone mentions me in a comment' });
  await expect(mentions.getByLabel('At once')).toBeChecked();
  await expectNoViolations(page);

  await mentions.getByLabel('Off').check();
  await section.getByRole('button', { name: 'Save email choices' }).click();
  await expect(section.getByRole('status')).toHaveText('Your email choices are saved.');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Someone mentions me in a comment' }).getByLabel('Off')).toBeChecked();
  await expect(page.getByRole('group', { name: 'A story is submitted for review (copy desk)' }).getByLabel('At once')).toBeChecked();
  await expectNoViolations(page);
  await context.close();

  // Mentioned first, then a story is submitted: mail goes out in the order it was queued, so once the
  // submission's email is here, a mention's would be too had it been sent.
  const mentionedOn = await storyInReview(writerApi, 'Prefs mention');
  await commentOnFares(deskApi, mentionedOn.id, `@${person.name} fares?`);
  const submitted = await storyInReview(writerApi, 'Prefs submission');
  await waitForMail(person.email, 'A story was submitted for review', `submitted “${submitted.headline}” for review`);
  expect((await messagesTo(person.email)).map((mail) => mail.subject)).not.toContain('You were mentioned in a comment');
});
