import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { bodyOf, clickSave, openNewArticle, settleSelection } from './editor';
import { storageStateOf } from './people';

test('the sign-in page, including its error state, has no axe violations', async ({ page }) => {
  await page.goto('/login');
  await expectNoViolations(page);
  await page.getByLabel('Email').fill('someone@e2e.example');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert', { name: 'Sign-in problem' })).toBeVisible();
  await expectNoViolations(page);
});

test.describe('as an editor', () => {
  test.use({ storageState: storageStateOf('editor') });

  test('the desk, the article form with field errors, and the 403 page have no axe violations', async ({ page }) => {
    await page.goto('/desk');
    await expectNoViolations(page);

    await page.getByRole('button', { name: 'New article' }).click();
    await expect(page.getByLabel('Headline')).toBeVisible();
    await expectNoViolations(page);

    await page.getByLabel('Headline').fill('x'.repeat(301));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Headline must be at most 300 characters')).toBeVisible();
    await expectNoViolations(page);

    await page.goto('/admin');
    await expectNoViolations(page);
  });
});

test.describe('as an admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('the people page has no axe violations', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
    await expectNoViolations(page);
  });
});

test('the editor with its toolbar, link dialog, lock banner and conflict view has no axe violations', async ({ browser }) => {
  const laptop = await browser.newContext({ storageState: storageStateOf('editor') });
  const writer = await laptop.newPage();
  const articleUrl = await openNewArticle(writer);
  await bodyOf(writer).pressSequentially('Some words to link');
  await writer.keyboard.press('Shift+Home');
  await settleSelection(writer);
  await writer.keyboard.press('Control+k');
  await expect(writer.getByRole('dialog', { name: 'Link' })).toBeVisible();
  await expectNoViolations(writer);
  await writer.keyboard.press('Escape');

  // The copy desk sees the lock banner.
  const deskContext = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const desk = await deskContext.newPage();
  await desk.goto(articleUrl);
  await expect(desk.getByRole('alert', { name: 'Edit lock' })).toBeVisible();
  await expectNoViolations(desk);
  await deskContext.close();

  // A second window of the same writer saves first: the first window's conflict view.
  await laptop.setOffline(true);
  await writer.getByLabel('Headline').fill('From the laptop');
  await expect(writer.getByRole('status')).toHaveText('Offline — changes kept on this device');
  const phone = await browser.newContext({ storageState: storageStateOf('editor') });
  const second = await phone.newPage();
  await second.goto(articleUrl);
  await second.getByLabel('Headline').fill('From the phone');
  await clickSave(second);
  await laptop.setOffline(false);
  await expect(writer.getByRole('alert', { name: 'Save conflict' })).toBeVisible();
  await expectNoViolations(writer);

  await phone.close();
  await laptop.close();
});
