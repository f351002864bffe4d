import { expect, test } from '@playwright/test';
import { acceptLeaving, bodyOf, clickSave, expectSaved, openNewArticle, settleSelection } from './editor';
import { PASSWORD, signInAndWaitForDesk, STAFF, storageStateOf } from './people';

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
  await bodyOf(page).fill('The River Ouse peaked at 4.9 metres.');
  await bodyOf(page).press('End');
  await settleSelection(page);
  await bodyOf(page).press('Enter');
  await bodyOf(page).pressSequentially('No homes were flooded.');
  await clickSave(page);

  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue(headline);
  await expect(page.getByLabel('Dateline place')).toHaveValue('YORK');
  await expect(bodyOf(page).locator('p')).toHaveText(['The River Ouse peaked at 4.9 metres.', 'No homes were flooded.']);

  await page.getByRole('link', { name: 'Desk', exact: true }).click();
  const row = page.getByRole('row', { name: new RegExp(headline) });
  await expect(row).toContainText('Draft');
  await expect(row).toContainText(STAFF.editor.name);
  await expect(row).toContainText(/\d\d:\d\d today/);
});

test.describe('a signed-in reporter', () => {
  test.use({ storageState: storageStateOf('editor') });

  test('a headline that is too long is refused beside the field and nothing is lost', async ({ page }) => {
    await openNewArticle(page);
    await bodyOf(page).fill('Text worth keeping.');
    await page.getByLabel('Headline').fill('A'.repeat(301));
    await expect(page.getByText('301 / 300 characters — over 110 is cut off in search results and feeds')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByText('Headline must be at most 300 characters')).toBeVisible();
    await expect(page.getByLabel('Headline')).toHaveAttribute('aria-invalid', 'true');
    await expect(bodyOf(page)).toHaveText('Text worth keeping.');

    await page.getByLabel('Headline').fill('Short enough now');
    await expect(page.getByText('16 / 300 characters', { exact: true })).toBeVisible();
    await clickSave(page);
    await expect(page.getByText('Headline must be at most 300 characters')).toBeHidden();
  });

  test('hostile markup typed into a field is kept as text, never run', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await openNewArticle(page);
    const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script> ${Date.now()}`;
    await page.getByLabel('Headline').fill(hostile);
    await bodyOf(page).fill('<script>alert(3)</script>');
    await clickSave(page);

    await page.reload();
    await expect(page.getByLabel('Headline')).toHaveValue(hostile);
    await expect(bodyOf(page)).toHaveText('<script>alert(3)</script>');
    await page.getByRole('link', { name: 'Desk', exact: true }).click();
    await expect(page.getByRole('link', { name: hostile })).toBeVisible();
    expect(dialogs).toBe(0);
  });

  test('when the session ends mid-edit, nothing is lost: sign in again and restore', async ({ page, context }) => {
    acceptLeaving(page);
    const articleUrl = await openNewArticle(page);
    await page.getByLabel('Headline').fill('Written while the session lapsed');
    await clickSave(page);

    // The session ends while the laptop is off the network: typing goes on, and coming back the
    // server will not take it without a session.
    await context.setOffline(true);
    await expect(page.getByRole('status')).toHaveText('Offline — changes kept on this device');
    await context.clearCookies();
    await bodyOf(page).fill('Every word of this must survive.');
    await context.setOffline(false);
    await expect(page.getByRole('status')).toHaveText('Signed out — changes kept on this device');
    const problem = page.getByRole('alert', { name: 'Save problem' });
    await expect(problem).toContainText('Your session has ended. Your changes are kept on this device.');
    await expect(problem.getByRole('link', { name: 'Sign in again in a new tab' })).toBeVisible();

    await page.goto(`/login?next=${new URL(articleUrl).pathname}`);
    await page.getByLabel('Email').fill(STAFF.editor.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(articleUrl);

    const offer = page.getByRole('alert', { name: 'Unsaved changes' });
    await expect(offer.locator('ins')).toHaveText('Every word of this must survive.');
    await offer.getByRole('button', { name: /^Restore unsaved changes from \d\d:\d\d$/ }).click();
    await expect(bodyOf(page)).toHaveText('Every word of this must survive.');
    await expectSaved(page);

    await page.reload();
    await expect(bodyOf(page)).toHaveText('Every word of this must survive.');
    await expect(page.getByRole('alert', { name: 'Unsaved changes' })).toHaveCount(0);
  });
});
