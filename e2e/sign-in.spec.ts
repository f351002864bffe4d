import { expect, test } from '@playwright/test';
import { newPerson, PASSWORD, signIn } from './people';

test('a wrong password and an unknown email get the same answer', async ({ page }) => {
  const person = newPerson('editor', 'Wrong Password');
  await signIn(page, person.email, 'not the password at all');
  await expect(page.getByRole('alert', { name: 'Sign-in problem' })).toHaveText('Invalid email or password');
  await expect(page.getByLabel('Email')).toHaveValue(person.email);

  await signIn(page, 'nobody-here@e2e.example', 'whatever it is');
  await expect(page.getByRole('alert', { name: 'Sign-in problem' })).toHaveText('Invalid email or password');
  await expect(page).toHaveURL(/\/login/);
});

test('after five failures the sixth attempt is refused, even with the right password', async ({ page }) => {
  const person = newPerson('editor', 'Locked Out');
  const problem = page.getByRole('alert', { name: 'Sign-in problem' });
  await signIn(page, person.email, 'wrong guess 1');
  await expect(problem).toHaveText('Invalid email or password');
  // As a person does: the email stays, they retype the password and try again.
  const tryPassword = async (password: string) => {
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await answered;
  };
  for (let attempt = 2; attempt <= 5; attempt += 1) {
    await tryPassword(`wrong guess ${attempt}`);
    await expect(problem).toHaveText('Invalid email or password');
  }
  await tryPassword(PASSWORD);
  await expect(problem).toHaveText('Too many attempts, try again in 15 minutes');
  await expect(page).toHaveURL(/\/login/);
});

test('a signed-out visitor is sent to sign in and comes back where they were going', async ({ page }) => {
  const person = newPerson('copy_editor', 'Return Trip');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin/);
  await page.goto('/desk?status=draft');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
});

test('sign out ends the session', async ({ page }) => {
  const person = newPerson('editor', 'Going Home');
  await signIn(page, person.email);
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/desk');
  await expect(page).toHaveURL(/\/login/);
});
