import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { storageStateOf } from './people';

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

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
