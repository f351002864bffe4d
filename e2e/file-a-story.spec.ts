import { expect, test } from '@playwright/test';
import { draftStory } from './api-fixtures';
import { clickSave, openNewArticle } from './editor';
import { fileStory, newAuthor, newSection } from './filing-fixtures';
import { storageStateOf } from './people';
import { uniqueHeadline } from './publishing';

test('a writer files a draft under a section with tags and two authors', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateOf('admin') });
  const writer = await (await browser.newContext({ storageState: storageStateOf('editor') })).newPage();
  const section = await newSection(admin.request, 'Science');
  const [first, second] = [await newAuthor(admin.request, 'Anna Petrova'), await newAuthor(admin.request, 'James Okafor')];
  // A tag that exists already, from another story.
  const existingTag = uniqueHeadline('Antarctica').headline;
  const other = await draftStory(writer.request, { headline: uniqueHeadline('Earlier ice story').headline, paragraphs: ['Ice.'] });
  await fileStory(writer.request, other, { sectionId: null, tags: [existingTag], authorIds: [] });
  const newTag = uniqueHeadline('Ice shelves').headline;

  await openNewArticle(writer);
  await writer.getByLabel('Headline').fill(uniqueHeadline('Ice shelf cracks').headline);
  await writer.getByLabel('Section', { exact: true }).selectOption({ label: section.name });

  const tags = writer.getByRole('combobox', { name: 'Tags', exact: true });
  await tags.fill(existingTag.slice(0, 12).toLowerCase());
  await expect(writer.getByRole('option', { name: existingTag })).toBeVisible();
  await tags.press('ArrowDown');
  await tags.press('Enter');
  await tags.fill(newTag);
  await tags.press(',');
  const chips = writer.getByRole('list', { name: 'Tags on this story' });
  await expect(chips.getByRole('listitem')).toHaveText([`${existingTag}×`, `${newTag}×`]);

  const authors = writer.getByLabel('Authors', { exact: true });
  await authors.selectOption({ label: first.name });
  await writer.getByRole('button', { name: 'Add author' }).click();
  await authors.selectOption({ label: second.name });
  await writer.getByRole('button', { name: 'Add author' }).click();
  await expect(writer.getByLabel('Byline')).toHaveValue(`By ${first.name} and ${second.name}`);
  await clickSave(writer);

  await writer.reload();
  await expect(writer.getByLabel('Section', { exact: true }).locator('option:checked')).toHaveText(section.name);
  await expect(chips.getByRole('listitem')).toHaveText([`${existingTag}×`, `${newTag}×`]);
  await expect(writer.getByRole('list', { name: 'Credited authors' }).getByRole('listitem')).toHaveText([new RegExp(first.name), new RegExp(second.name)]);
  await expect(writer.getByLabel('Byline')).toHaveValue(`By ${first.name} and ${second.name}`);
});

test('a filed draft follows the admin’s rename of its section and merge of its tag', async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageStateOf('admin') })).newPage();
  const writer = await (await browser.newContext({ storageState: storageStateOf('editor') })).newPage();
  const section = await newSection(admin.request, 'Science');
  const [kept, merged] = [uniqueHeadline('Antarctica').headline, uniqueHeadline('Ice shelves').headline];
  // Two stories share the tag that is kept; this one also carries the tag merged into it.
  const other = await draftStory(writer.request, { headline: uniqueHeadline('Earlier ice story').headline, paragraphs: ['Ice.'] });
  await fileStory(writer.request, other, { sectionId: null, tags: [kept], authorIds: [] });
  const story = await draftStory(writer.request, { headline: uniqueHeadline('Ice shelf cracks').headline, paragraphs: ['Cracks.'] });
  await fileStory(writer.request, story, { sectionId: section.id, tags: [kept, merged], authorIds: [] });

  // The admin renames the section and merges the story's second tag into the first.
  const renamed = uniqueHeadline('Science and Environment').headline;
  await admin.goto('/admin/sections');
  const card = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: section.name, exact: true }) });
  await card.getByText(`Edit ${section.name}`).click();
  await card.getByLabel('Name', { exact: true }).fill(renamed);
  await card.getByRole('button', { name: 'Save section' }).click();
  await expect(admin.getByRole('heading', { name: renamed, exact: true })).toBeVisible();

  await admin.goto('/admin/tags');
  const merge = admin.getByRole('region', { name: 'Merge tags' });
  await merge.getByLabel('Tag to merge').selectOption({ label: `${merged} (1)` });
  await merge.getByLabel('Merge into').selectOption({ label: `${kept} (2)` });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge.getByRole('status')).toHaveText('Merged: 1 story moved.');

  await writer.goto(story.url);
  await expect(writer.getByLabel('Section', { exact: true }).locator('option:checked')).toHaveText(renamed);
  await expect(writer.getByRole('list', { name: 'Tags on this story' }).getByRole('listitem')).toHaveText([`${kept}×`]);
});

test('a byline the writer typed is kept when authors are credited', async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageStateOf('admin') })).newPage();
  const author = await newAuthor(admin.request, 'Wire Desk');
  const writer = await (await browser.newContext({ storageState: storageStateOf('editor') })).newPage();
  await openNewArticle(writer);
  await writer.getByLabel('Byline').fill('By Agency staff');
  await writer.getByLabel('Authors', { exact: true }).selectOption({ label: author.name });
  await writer.getByRole('button', { name: 'Add author' }).click();
  await expect(writer.getByRole('list', { name: 'Credited authors' })).toContainText(author.name);
  await expect(writer.getByLabel('Byline')).toHaveValue('By Agency staff');
  await writer.getByRole('button', { name: `Remove ${author.name}` }).click();
  await expect(writer.getByText('No authors credited.')).toBeVisible();
});
