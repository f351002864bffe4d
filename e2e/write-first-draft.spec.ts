import { expect, test } from '@playwright/test';
import { signInAndWaitForDesk, STAFF } from './people';

test('a reporter signs in, starts an article, saves it, and finds it again after a reload', async ({ page }) => {
  await signInAndWaitForDesk(page, STAFF.editor.email);
  await expect(page.getByRole('banner')).toContainText(`${STAFF.editor.name} · Editor`);

  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  await expect(page.getByLabel('Byline')).toHaveValue(STAFF.editor.name);

  const headline = `Flood barriers hold as river peaks ${Date.now()}`;
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Standfirst').fill('The city’s new defences passed their first real test overnight.');
  await page.getByLabel('Dateline place').fill('YORK');
  await page.getByLabel('Dateline source').fill('Dateline');
  await page.getByLabel('Body').fill('The River Ouse peaked at 4.9 metres.\n\nNo homes were flooded.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved \d\d:\d\d$/);

  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue(headline);
  await expect(page.getByLabel('Dateline place')).toHaveValue('YORK');
  await expect(page.getByLabel('Body')).toHaveValue('The River Ouse peaked at 4.9 metres.\n\nNo homes were flooded.');
  await expect(page.getByLabel('Article details')).toContainText('Revision2');

  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(headline) });
  await expect(row).toContainText('Draft');
  await expect(row).toContainText(STAFF.editor.name);
  await expect(row).toContainText(/\d\d:\d\d today/);
});

test('a headline that is too long is refused beside the field and nothing is lost', async ({ page }) => {
  await signInAndWaitForDesk(page, STAFF.editor.email);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('A'.repeat(301));
  await page.getByLabel('Body').fill('Text worth keeping.');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByText('Headline must be at most 300 characters')).toBeVisible();
  await expect(page.getByLabel('Headline')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Body')).toHaveValue('Text worth keeping.');

  await page.getByLabel('Headline').fill('Short enough now');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved/);
  await expect(page.getByText('Headline must be at most 300 characters')).toBeHidden();
});

test('hostile markup in a field is kept as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await signInAndWaitForDesk(page, STAFF.editor.email);
  await page.getByRole('button', { name: 'New article' }).click();
  const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script> ${Date.now()}`;
  await page.getByLabel('Headline').fill(hostile);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved/);

  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue(hostile);
  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await expect(page.getByRole('link', { name: hostile })).toBeVisible();
  expect(dialogs).toBe(0);
});

test('when the session has ended, Save says so and the text stays in the form', async ({ page, context }) => {
  await signInAndWaitForDesk(page, STAFF.editor.email);
  await page.getByRole('button', { name: 'New article' }).click();
  await page.getByLabel('Headline').fill('Written while the session lapsed');
  await page.getByLabel('Body').fill('Every word of this must survive.');

  await context.clearCookies();
  await page.getByRole('button', { name: 'Save' }).click();

  const problem = page.getByRole('alert', { name: 'Save problem' });
  await expect(problem).toContainText('Your session has ended. Sign in again to continue.');
  await expect(problem.getByRole('link', { name: 'Sign in again in a new tab' })).toBeVisible();
  await expect(page.getByLabel('Headline')).toHaveValue('Written while the session lapsed');
  await expect(page.getByLabel('Body')).toHaveValue('Every word of this must survive.');
});
