import { expect, type Page, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { newPerson, PASSWORD, signedInBrowser, signIn } from './people';

const NEW_PASSWORD = 'copper kettle meadow nine';

async function changePassword(page: Page, current: string): Promise<void> {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
}

test('a person renames themselves, and the header shows the new name as text', async ({ browser }) => {
  const person = newPerson('editor', 'Ana Account');
  const { context, page } = await signedInBrowser(browser, person.email);
  await page.goto('/account');
  await expectNoViolations(page);
  await page.getByRole('textbox', { name: 'Name' }).fill('Ana <b>Lima</b>');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Your name is saved.')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Ana <b>Lima</b> · Editor');
  await context.close();
});

test('a password change with the wrong current password is refused', async ({ browser }) => {
  const person = newPerson('editor', 'Ana Mistyped');
  const { context, page } = await signedInBrowser(browser, person.email);
  await page.goto('/account');
  await changePassword(page, 'not my password');
  await expect(page.getByText('That is not your current password')).toBeVisible();
  await expectNoViolations(page);
  await context.close();
});

test('a person changes their password: this browser stays signed in, the other is signed out, and the new password works', async ({ browser }) => {
  const person = newPerson('editor', 'Ana Changes');
  const { context: laptop, page } = await signedInBrowser(browser, person.email);
  const { context: phone, page: other } = await signedInBrowser(browser, person.email);

  await page.goto('/account');
  await changePassword(page, PASSWORD);
  await expect(page.getByText('Your password is changed. You were signed out everywhere else.')).toBeVisible();

  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
  await other.getByRole('link', { name: 'Desk', exact: true }).click();
  await expect(other).toHaveURL(/\/login/);
  await signIn(other, person.email, NEW_PASSWORD);
  await expect(other.getByRole('heading', { name: 'Desk' })).toBeVisible();
  await laptop.close();
  await phone.close();
});
