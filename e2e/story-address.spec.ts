import { draftStory } from './api-fixtures';
import { expectNoViolations } from './axe';
import { expect, test } from './newsroom-fixtures';
import { openForEditing, publishingPanel, uniqueHeadline } from './publishing';

test('a writer chooses the story’s address before publishing; addresses that cannot be used are refused', async ({ writerApi, writer }) => {
  const { headline, slug } = uniqueHeadline('Ferry timetable');
  const { url } = await draftStory(writerApi, { headline, place: 'OSLO', paragraphs: ['The winter timetable starts on Sunday.'] });
  await openForEditing(writer, url);

  const panel = publishingPanel(writer);
  await expect(panel.getByText('Made from the headline when it is published')).toBeVisible();
  await panel.getByRole('button', { name: 'Change address' }).click();
  const dialog = writer.getByRole('dialog', { name: 'Change address' });
  await expect(dialog.getByLabel('Web address')).toBeVisible();
  await expectNoViolations(writer);
  for (const bad of ['../admin', '<script>alert(1)</script>', 'feed']) {
    await dialog.getByLabel('Web address').fill(bad);
    await dialog.getByRole('button', { name: 'Save address' }).click();
    await expect(dialog.locator('.field__error')).toBeVisible();
  }
  await dialog.getByLabel('Web address').fill(`${slug}-winter`);
  await dialog.getByRole('button', { name: 'Save address' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByText(`/news/${slug}-winter`, { exact: true })).toBeVisible();
});

test('the copy desk publishes at the chosen address, then moves the story: the old address redirects for good', async ({ writerApi, desk, reader }) => {
  const { headline, slug } = uniqueHeadline('Ferry winter timetable');
  const { id, url } = await draftStory(writerApi, { headline, place: 'OSLO', paragraphs: ['The winter timetable starts on Sunday.'] });
  const chosen = await writerApi.put(`/api/articles/${id}/slug`, { data: { slug: `${slug}-winter` } });
  expect(chosen.status()).toBe(200);

  await desk.goto(url);
  await publishingPanel(desk).getByRole('button', { name: 'Publish' }).click();
  await expect(desk.getByText(`Published at /news/${slug}-winter.`)).toBeVisible();
  await publishingPanel(desk).getByRole('button', { name: 'Change address' }).click();
  const move = desk.getByRole('dialog', { name: 'Change address' });
  await expect(move.getByText('The old address will keep working')).toBeVisible();
  await move.getByLabel('Web address').fill(slug);
  await move.getByRole('button', { name: 'Save address' }).click();
  await expect(desk.getByText(`The story’s address is now /news/${slug}.`)).toBeVisible();

  const old = await reader.request.get(`/news/${slug}-winter`, { maxRedirects: 0 });
  expect(old.status()).toBe(301);
  expect(new URL(old.headers().location ?? '', 'http://x').pathname).toBe(`/news/${slug}`);
  await reader.goto(`/news/${slug}-winter`);
  await expect(reader).toHaveURL(new RegExp(`/news/${slug}$`));
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
});
