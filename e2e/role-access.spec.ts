import { expect, test } from '@playwright/test';
import { newPerson, peoplePageAsAdmin, signedInBrowser, signIn, storageStateOf } from './people';

test.describe('an editor', () => {
  test.use({ storageState: storageStateOf('editor') });

  test('opening /admin (which leads to /admin/users) gets the 403 page', async ({ page }) => {
    const response = await page.goto('/admin');
    expect(page.url()).toMatch(/\/admin\/users$/);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the desk' })).toBeVisible();
  });

  test('opening the review queue gets the 403 page, and its API answers 403', async ({ page }) => {
    expect((await page.goto('/desk/review'))?.status()).toBe(403);
    const api = await page.request.get('/api/review-queue');
    expect(api.status()).toBe(403);
    expect((await page.request.post('/api/articles/1/claim', { data: { claim: true, expectedClaimantId: null } })).status()).toBe(403);
  });

  test('does not see the Admin link in the header', async ({ page }) => {
    await page.goto('/desk');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Desk' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  });
});

test.describe('the API without a session', () => {
  test('answers 401 in JSON on every article, review, comment and notification route', async ({ request }) => {
    for (const [method, url] of [
      ['GET', '/api/articles'],
      ['POST', '/api/articles'],
      ['GET', '/api/articles/1'],
      ['PUT', '/api/articles/1'],
      ['POST', '/api/articles/1/workflow'],
      ['PUT', '/api/articles/1/slug'],
      ['GET', '/api/articles/1/revisions'],
      ['POST', '/api/articles/1/revisions/1/restore'],
      ['GET', '/api/articles/1/compare'],
      ['POST', '/api/articles/1/claim'],
      ['GET', '/api/review-queue'],
      ['GET', '/api/articles/1/comments'],
      ['POST', '/api/articles/1/comments'],
      ['PATCH', '/api/articles/1/comments/1'],
      ['GET', '/api/notifications'],
      ['POST', '/api/notifications'],
      ['GET', '/api/admin/audit/export'],
    ] as const) {
      const response = await request.fetch(url, { method, data: method === 'GET' ? undefined : {} });
      expect(response.status(), `${method} ${url}`).toBe(401);
      expect((await response.json()).error.code).toBe('UNAUTHENTICATED');
    }
  });
});

test('a disabled user’s next click lands on the sign-in page', async ({ browser }) => {
  const person = newPerson('editor', 'Soon Disabled');
  const { context: theirs, page } = await signedInBrowser(browser, person.email);
  const { context: admins, rowOf } = await peoplePageAsAdmin(browser);
  const row = rowOf(person.email);
  await row.getByRole('button', { name: `Disable ${person.name}` }).click();
  await expect(row).toContainText('Disabled');

  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/desk');
  await expect(page).toHaveURL(/\/login/);

  // And they cannot simply sign in again.
  await signIn(page, person.email);
  await expect(page.getByRole('alert', { name: 'Sign-in problem' })).toHaveText('Invalid email or password');
  await theirs.close();
  await admins.close();
});

test('a role change ends the person’s session at their next request', async ({ browser }) => {
  const person = newPerson('copy_editor', 'Soon Demoted');
  const { context: theirs, page } = await signedInBrowser(browser, person.email);
  await expect(page.getByRole('banner')).toContainText('Copy editor');
  const { context: admins, rowOf } = await peoplePageAsAdmin(browser);
  const row = rowOf(person.email);
  await row.getByLabel(`Role for ${person.name}`).selectOption('editor');
  await row.getByRole('button', { name: 'Change role' }).click();
  await expect(row.getByRole('cell', { name: 'Editor', exact: true })).toBeVisible();

  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, person.email);
  await expect(page.getByRole('banner')).toContainText(`${person.name} · Editor`);
  await theirs.close();
  await admins.close();
});
