import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { linkIn, waitForMail } from './mail';
import { invite, peoplePageAsAdmin, signIn } from './people';

test('an admin sees that mail is on, invites a person, and the invitation arrives by email with a link that works', async ({ browser }) => {
  const { context: admins, page: admin } = await peoplePageAsAdmin(browser);
  const mailStatus = admin.getByRole('status', { name: 'Mail' });
  await expect(mailStatus).toContainText('Mail is on.');
  await expect(mailStatus).toContainText('desk@e2e.example');

  const name = 'Iris Inbox';
  const { email, url: shownLink } = await invite(admin, name);
  await expect(admin.getByText('It has been emailed to the person')).toBeVisible();
  await expectNoViolations(admin);

  const mail = await waitForMail(email, 'You are invited to the newsroom');
  expect(mail.text).toContain('Administrator has invited you');
  const link = linkIn(mail, 'Set your password and sign in');
  expect(link).toBe(shownLink);
  await admins.close();

  const theirs = await browser.newContext();
  const page = await theirs.newPage();
  await page.goto(link);
  await expect(page.getByText(`Welcome, ${name}.`)).toBeVisible();
  const password = 'paper lantern harbour nine';
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page).toHaveURL(/\/login\?notice=password_set/);
  await signIn(page, email, password);
  await expect(page.getByRole('banner')).toContainText(`${name} · Copy editor`);
  await theirs.close();
});
