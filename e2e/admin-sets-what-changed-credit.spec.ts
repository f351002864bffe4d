import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { storageStateOf } from './people';

test.use({ storageState: storageStateOf('admin') });

// Saved as it is (by role), so the stories other specs read at the same time keep their credit.
test('an admin chooses how What changed pages name who published, in labelled fields', async ({ page }) => {
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('Name who published each version')).toHaveValue('role');
  await expect(page.getByLabel('Desk name')).toHaveValue(/\S/);
  await expectNoViolations(page);
  await page.getByLabel('Desk name').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Name the desk readers see')).toBeVisible();
  await page.getByLabel('Desk name').fill('The news desk');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved; the What changed pages show them now.')).toBeVisible();
});
