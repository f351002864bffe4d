import { randomUUID } from 'node:crypto';
import { type Page } from '@playwright/test';
import { draftStory } from './api-fixtures';
import { expectNoViolations } from './axe';
import { clickSave } from './editor';
import { expect, test } from './newsroom-fixtures';
import { openForEditing } from './publishing';

const previewPanel = (page: Page) => page.getByRole('region', { name: 'Preview links' });

/** Makes a link from the article's panel, as the writer does, and answers its address as shown in the Preview link field. */
async function createPreviewLink(page: Page, shows: 'This version' | 'Always the latest working copy'): Promise<string> {
  const panel = previewPanel(page);
  await panel.getByRole('radio', { name: shows }).check();
  await panel.getByRole('button', { name: 'Create preview link' }).click();
  const field = panel.getByRole('textbox', { name: 'Preview link' });
  await expect(field).toHaveValue(/\/preview\/\d+\/[\w-]+\.[\w-]+$/);
  return field.inputValue();
}

test('a writer shares a preview of a draft with someone without an account, then revokes it', async ({ writer, writerApi, reader }) => {
  const headline = `Harbour deal agreed ${randomUUID().slice(0, 8)}`;
  const draft = await draftStory(writerApi, { headline, paragraphs: ['The council agreed the harbour deal on Monday.'] });
  const other = await draftStory(writerApi, { headline: `Other story ${randomUUID().slice(0, 8)}`, paragraphs: ['Unrelated.'] });
  await openForEditing(writer, draft.url);

  const address = await createPreviewLink(writer, 'This version');
  await expect(previewPanel(writer).getByRole('listitem')).toContainText([/Version \d+, made by Rita Reporter/]);
  await expectNoViolations(writer, '.preview-links');

  // Someone without an account opens it: the story as readers will see it, marked as a preview.
  const opened = await reader.goto(address);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()['x-robots-tag']).toBe('noindex');
  expect(opened?.headers()['cache-control']).toBe('private, no-store');
  await expect(reader.getByRole('note', { name: 'Preview' })).toContainText('Preview — not published');
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  await expectNoViolations(reader);

  // The desk sees it was opened, in the list and in the article's audit.
  const links = await (await writerApi.get(`/api/articles/${draft.id}/preview-links`)).json();
  expect(links[0].lastOpenedAt).not.toBeNull();
  await writer.goto(`/desk/articles/${draft.id}/audit`);
  await expect(writer.getByRole('row', { name: /Reader of a preview link Preview link opened \(revision \d+\)/ })).toBeVisible();

  // A token moved to another story's address, or altered, is not a preview of anything.
  const token = address.split('/').at(-1)!;
  for (const wrong of [`/preview/${other.id}/${token}`, `/preview/${draft.id}/${token.slice(0, -3)}abc`, `/preview/${draft.id}/made-up`]) {
    const refused = await reader.request.get(wrong);
    expect(refused.status(), wrong).toBe(404);
    expect(refused.headers()['cache-control'], wrong).toBe('private, no-store');
    expect(await refused.text(), wrong).toContain('This preview link is not valid');
  }

  // Revoked: refused on the very next request.
  await openForEditing(writer, draft.url);
  await previewPanel(writer).getByRole('button', { name: 'Revoke' }).click();
  await expect(previewPanel(writer).getByRole('listitem').first()).toContainText('Revoked');
  const again = await reader.reload();
  expect(again?.status()).toBe(410);
  expect(again?.headers()['x-robots-tag']).toBe('noindex');
  await expect(reader.getByRole('heading', { name: 'This preview link has been withdrawn' })).toBeVisible();
  await expect(reader.getByText(headline)).toHaveCount(0);
});

test('a preview link to the latest working copy follows each new save', async ({ writer, writerApi, reader }) => {
  const headline = `Bridge closes ${randomUUID().slice(0, 8)}`;
  const draft = await draftStory(writerApi, { headline, paragraphs: ['The bridge closes tonight.'] });
  await openForEditing(writer, draft.url);
  const address = await createPreviewLink(writer, 'Always the latest working copy');
  await expect(previewPanel(writer).getByRole('listitem')).toContainText(['Latest working copy, made by Rita Reporter']);

  await reader.goto(address);
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  await expect(reader.getByRole('note', { name: 'Preview' })).toContainText('latest working copy');

  await writer.getByRole('textbox', { name: 'Headline' }).fill(`${headline} for a week`);
  await clickSave(writer);
  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1, name: `${headline} for a week` })).toBeVisible();
});
