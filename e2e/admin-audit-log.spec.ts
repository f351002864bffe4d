import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { storageStateOf } from './people';

const HOSTILE_NAME = '=HYPERLINK("http://evil.example","<img src=x onerror=alert(1)>")';

test.describe('an admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('reads the audit log filtered, sees hostile names as text, and exports a neutralised CSV', async ({ page }) => {
    const email = `hostile-${randomUUID().slice(0, 8)}@e2e.example`;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto('/admin/users');
    const form = page.getByRole('region', { name: 'Create user' });
    await form.getByLabel('Name').fill(HOSTILE_NAME);
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Create user and get invite link' }).click();
    await expect(page.getByRole('row', { name: new RegExp(email) }).getByRole('cell', { name: HOSTILE_NAME, exact: true })).toBeVisible();

    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await expectNoViolations(page);
    await page.getByLabel('Action').selectOption('user.create');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=user\.create/);
    const entry = page.getByRole('row', { name: new RegExp(email) });
    await expect(entry).toContainText('Invited a user');
    await expect(entry.getByRole('cell', { name: HOSTILE_NAME, exact: true })).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expectNoViolations(page);

    const csv = await page.request.get('/api/admin/audit/export?action=user.create');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="dateline-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""<img src=x onerror=alert(1)>"")"`);
    expect(text).not.toMatch(/(^|,)"=/m);
    expect(dialogs).toEqual([]);
  });
});

test.describe('an editor', () => {
  test.use({ storageState: storageStateOf('editor') });

  test('gets 403 from the audit log, its export and the people page, and may open their own account', async ({ page }) => {
    expect((await page.goto('/admin/audit'))?.status()).toBe(403);
    expect((await page.goto('/admin/users'))?.status()).toBe(403);
    expect((await page.request.get('/api/admin/audit/export')).status()).toBe(403);
    expect((await page.goto('/account'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  });
});

test('without a session the export answers 401 and the pages send to sign-in', async ({ page }) => {
  expect((await page.request.get('/api/admin/audit/export')).status()).toBe(401);
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit/);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
});
