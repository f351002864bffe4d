import { expect, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { storageStateOf } from './people';
import { publishedStory } from './api-fixtures';
import { newAuthor, newSection } from './filing-fixtures';
import { correctedStory, takeStep } from './story-fixtures';

// What a reader, or someone not signed in, reaches: no session in these browsers.

test('the front page, with stories on it, has no axe violations', async ({ browser, page }) => {
  const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const { headline } = await correctedStory(desk.request, 'Front page check');
  await desk.close();
  await page.goto('/');
  await expect(page.getByRole('link', { name: headline })).toBeVisible();
  await expectNoViolations(page);
});

test('a story page with its photos and a correction has no axe violations', async ({ browser, page }) => {
  const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const { slug, headline } = await correctedStory(desk.request, 'Story page check');
  await desk.close();
  await page.goto(`/news/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Corrections' })).toBeVisible();
  await expectNoViolations(page);
});

test('the corrections page, listing a correction, has no axe violations', async ({ browser, page }) => {
  const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const { headline } = await correctedStory(desk.request, 'Corrections page check');
  await desk.close();
  await page.goto('/corrections');
  await expect(page.getByRole('link', { name: headline })).toBeVisible();
  await expectNoViolations(page);
});

test('a section’s page and an author’s page, listing stories, have no axe violations', async ({ browser, page }) => {
  const admin = await browser.newContext({ storageState: storageStateOf('admin') });
  const section = await newSection(admin.request, 'Accessible', 'Stories for the accessibility check.');
  const author = await newAuthor(admin.request, 'Ada Access', 'Ada Access writes the checks.');
  await admin.close();
  const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const story = await publishedStory(desk.request, 'List page check', { sectionId: section.id, tags: ['Accessibility'], authorIds: [author.id] });
  await desk.close();
  for (const path of [`/section/${section.slug}`, `/author/${author.slug}`]) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: story.headline })).toBeVisible();
    await expectNoViolations(page);
  }
  // The story page with its section, topics and linked byline, and the front page's section groups.
  await page.goto(`/news/${story.slug}`);
  await expect(page.getByRole('navigation', { name: 'Topics' })).toBeVisible();
  await expectNoViolations(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: section.name })).toBeVisible();
  await expectNoViolations(page);
});

test('the 404 page for a story that is not there has no axe violations', async ({ page }) => {
  const response = await page.goto('/news/no-such-story-here');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'There is no story at this address' })).toBeVisible();
  await expectNoViolations(page);
});

test('the 404 page for any other address has no axe violations', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'That page is not here' })).toBeVisible();
  await expectNoViolations(page);
});

test('the 410 page of a withdrawn story has no axe violations', async ({ browser, page }) => {
  const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
  const story = await correctedStory(desk.request, 'Withdrawn page check');
  await takeStep(desk.request, story, { action: 'withdraw', note: 'Legal advice.' });
  await desk.close();
  const response = await page.goto(`/news/${story.slug}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoViolations(page);
});

test('the sign-in page, including its error state, has no axe violations', async ({ page }) => {
  await page.goto('/login');
  await expectNoViolations(page);
  await page.getByLabel('Email').fill('someone@e2e.example');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert', { name: 'Sign-in problem' })).toBeVisible();
  await expectNoViolations(page);
});

test('a password link that is not valid shows its refusal with no axe violations', async ({ page }) => {
  await page.goto('/invite/not-a-real-link');
  await expect(page.getByRole('alert', { name: 'Link refused' })).toBeVisible();
  await expectNoViolations(page);
});
