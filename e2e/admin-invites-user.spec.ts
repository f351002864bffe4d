import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { invite, newPerson, peoplePageAsAdmin, signedInBrowser, signIn, STAFF, storageStateOf } from './people';

const NEW_PASSWORD = 'quiet harbour lantern forty';

async function setPassword(page: Page, password: string, repeat = password): Promise<void> {
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(repeat);
  await page.getByRole('button', { name: 'Set password' }).click();
}

/** An invited copy editor's own browser, where nobody is signed in, after they set their password with the link. */
async function acceptedInvite(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await setPassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?notice=password_set/);
  return page;
}

test('an admin reaches the people page from the header and invites a copy editor with a link', async ({ browser }) => {
  const admins = await browser.newContext({ storageState: storageStateOf('admin') });
  const admin = await admins.newPage();
  await admin.goto('/desk');
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);

  const { url, row } = await invite(admin, 'Ines Invited');
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(row).toContainText('Invited');
  await expectNoViolations(admin);
  await admins.close();
});

test('an invited person is refused a common password and their own email, then sets one and signs in', async ({ browser }) => {
  const { context: admins, page: admin } = await peoplePageAsAdmin(browser);
  const name = 'Ines Newcomer';
  const { email, url } = await invite(admin, name);

  const theirs = await browser.newContext();
  const page = await theirs.newPage();
  await page.goto(url);
  await expect(page.getByText(`Welcome, ${name}.`)).toBeVisible();
  await expectNoViolations(page);
  await setPassword(page, 'password1234');
  await expect(page.getByText('That password is on a list of common passwords; choose another')).toBeVisible();
  await setPassword(page, email);
  await expect(page.getByText('Your password cannot be your email address')).toBeVisible();
  await expectNoViolations(page);
  await setPassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login\?notice=password_set/);
  await expect(page.getByText('Your password is set. Sign in with it now.')).toBeVisible();
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByRole('banner')).toContainText(`${name} · Copy editor`);
  await theirs.close();
  await admins.close();
});

test('an invite link works once, and a link altered by one character is refused', async ({ browser }) => {
  const { context: admins, page: admin } = await peoplePageAsAdmin(browser);
  const { url } = await invite(admin, 'Ines Once');
  const page = await acceptedInvite(browser, url);

  await page.goto(url);
  await expect(page.getByRole('alert', { name: 'Link refused' })).toContainText('This link has already been used.');
  await page.goto(`${url.slice(0, -1)}${url.endsWith('A') ? 'B' : 'A'}`);
  await expect(page.getByRole('alert', { name: 'Link refused' })).toContainText('This link is not valid');
  await page.context().close();
  await admins.close();
});

test('an invited person who set their password is Active; once disabled, their next click lands on sign-in saying so', async ({ browser }) => {
  const { context: admins, page: admin } = await peoplePageAsAdmin(browser);
  const name = 'Ines Departing';
  const { email, url, row } = await invite(admin, name);
  const page = await acceptedInvite(browser, url);
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();

  await admin.reload();
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Disable ${name}` }).click();
  await expect(row).toContainText('Disabled');

  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?notice=disabled/);
  await expect(page.getByText('Your account is disabled')).toBeVisible();
  await page.context().close();
  await admins.close();
});

test('an admin cannot disable or demote themselves, and the last admin is told no admin would be left', async ({ browser }) => {
  const { context: admins, page: admin, rowOf } = await peoplePageAsAdmin(browser);
  // Other specs in the run may make admins of their own; the reason given depends on whether this
  // admin is the last active one, so read that off the page first.
  const activeAdmins = await admin
    .getByRole('row')
    .filter({ has: admin.getByRole('cell', { name: 'Admin', exact: true }) })
    .filter({ hasText: 'Active' })
    .count();
  const reason =
    activeAdmins === 1
      ? 'Dateline needs at least one active admin: make someone else an admin first.'
      : 'You cannot change your own role or disable yourself; ask another admin.';
  const ownRow = rowOf(STAFF.admin.email);
  await expect(ownRow).toContainText('You');
  await ownRow.getByRole('button', { name: `Disable ${STAFF.admin.name}` }).click();
  const refusal = ownRow.getByRole('alert', { name: `Problem with ${STAFF.admin.name}` });
  await expect(refusal).toHaveText(reason);
  await ownRow.getByLabel(`Role for ${STAFF.admin.name}`).selectOption('editor');
  await ownRow.getByRole('button', { name: 'Change role' }).click();
  await expect(refusal).toHaveText(reason);
  await admin.reload();
  await expect(ownRow).toContainText('Active');
  await expect(ownRow.getByRole('cell', { name: 'Admin', exact: true })).toBeVisible();
  await admins.close();
});

test('a password reset ends the person’s session, and its link sets a new password', async ({ browser }) => {
  const person = newPerson('editor', 'Reset Rosa');
  const { context: theirs, page } = await signedInBrowser(browser, person.email);
  const { context: admins, rowOf } = await peoplePageAsAdmin(browser);
  const row = rowOf(person.email);
  await row.getByRole('button', { name: `Reset password for ${person.name}` }).click();
  const url = await row.getByLabel(`Password link for ${person.name}`).inputValue();

  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.goto(url);
  await expect(page.getByText(`Hello, ${person.name}.`)).toBeVisible();
  await setPassword(page, NEW_PASSWORD);
  await signIn(page, person.email, NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
  await theirs.close();
  await admins.close();
});
