import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { storageStateOf } from './people';

// The admin's screens and everyone's own account page, each checked with axe.

test.describe('as an admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('the people page has no axe violations', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
    await expectNoViolations(page);
  });

  test('the people page with the create form’s field errors has no axe violations', async ({ page }) => {
    await page.goto('/admin/users');
    const form = page.getByRole('region', { name: 'Create user' });
    await form.getByRole('button', { name: 'Create user and get invite link' }).click();
    await expect(form.locator('.field__error').first()).toBeVisible();
    await expectNoViolations(page);
  });

  test('the audit log has no axe violations', async ({ page }) => {
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expectNoViolations(page);
  });
});

test.describe('as an editor', () => {
  test.use({ storageState: storageStateOf('editor') });

  test('the account page, with a refused password change, has no axe violations', async ({ page }) => {
    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
    await expectNoViolations(page);
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password', { exact: true }).fill('a long new password for the check');
    await page.getByLabel('Repeat the new password').fill('a long new password for the check');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('That is not your current password')).toBeVisible();
    await expectNoViolations(page);
  });

  test('the 403 page an admin screen gives them has no axe violations', async ({ page }) => {
    expect((await page.goto('/admin/users'))?.status()).toBe(403);
    await expectNoViolations(page);
  });
});

test.describe('the filing screens, as an admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  for (const [path, heading] of [['/admin/sections', 'Sections'], ['/admin/tags', 'Tags'], ['/admin/authors', 'Authors']] as const) {
    test(`${path} has no axe violations, with a refused form`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      await expectNoViolations(page);
      const form = page.getByRole('form').first();
      await form.getByRole('button').last().click();
      await expect(form.locator('.field__error, [role="alert"]').first()).toBeVisible();
      await expectNoViolations(page);
    });
  }
});
