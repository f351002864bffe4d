import { expect, test } from '@playwright/test';
import { storageStateOf } from './people';

test('when someone saved first, the second save is refused and the text stays in the form', async ({ browser }) => {
  const reporterContext = await browser.newContext({ storageState: storageStateOf('editor') });
  const deskContext = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const reporter = await reporterContext.newPage();
  const desk = await deskContext.newPage();

  await reporter.goto('/desk');
  await reporter.getByRole('button', { name: 'New article' }).click();
  await expect(reporter).toHaveURL(/\/desk\/articles\/\d+$/);
  const articleUrl = reporter.url();

  // The copy desk opens the same article before the reporter saves.
  await desk.goto(articleUrl);
  await expect(desk.getByLabel('Headline')).toBeEditable();

  await reporter.getByLabel('Headline').fill('Reporter’s headline');
  await reporter.getByRole('button', { name: 'Save' }).click();
  await expect(reporter.getByRole('status')).toHaveText(/^Saved/);

  await desk.getByLabel('Headline').fill('Copy desk’s headline');
  await desk.getByLabel('Body').fill('A paragraph the copy desk must not lose.');
  await desk.getByRole('button', { name: 'Save' }).click();
  const conflict = desk.getByRole('alert', { name: 'Save conflict' });
  await expect(conflict).toContainText('Rita Reporter saved this article first');
  await expect(desk.getByLabel('Headline')).toHaveValue('Copy desk’s headline');
  await expect(desk.getByLabel('Body')).toHaveValue('A paragraph the copy desk must not lose.');

  // The reporter's version is still what the server holds.
  await reporter.reload();
  await expect(reporter.getByLabel('Headline')).toHaveValue('Reporter’s headline');

  // The copy desk chooses to keep theirs: it becomes the newer revision, the reporter's stays in history.
  await conflict.getByRole('button', { name: 'Save mine as the newer version' }).click();
  await expect(desk.getByRole('status')).toHaveText(/^Saved/);
  await expect(conflict).toBeHidden();
  await reporter.reload();
  await expect(reporter.getByLabel('Headline')).toHaveValue('Copy desk’s headline');
  await expect(reporter.getByLabel('Article details')).toContainText('Revision3');

  await reporterContext.close();
  await deskContext.close();
});
