import type { APIRequestContext } from '@playwright/test';
import { draftStory, saveStory, type StoryState, takeStep } from './api-fixtures';
import { expectNoViolations } from './axe';
import { expect, test } from './newsroom-fixtures';
import { uniqueHeadline, WIRE_TIME } from './publishing';

/** The desk edits the live story to these paragraphs and publishes them as the kind given. */
async function republish(desk: APIRequestContext, story: StoryState, headline: string, paragraphs: string[], step: Record<string, unknown>): Promise<StoryState> {
  const saved = await saveStory(desk, story.id, story.version, { headline, paragraphs });
  return takeStep(desk, story.id, { action: 'publish', version: saved.version, ...step });
}

const marked = async (scope: import('@playwright/test').Locator, tag: 'ins' | 'del') => (await scope.locator(tag).allTextContents()).map((text) => text.trim());

test('a reader follows the stamp to what changed: three versions, the minor fix folded into the correction', async ({ deskApi, reader }) => {
  const { headline } = uniqueHeadline('Storm hits coast');
  const draft = await draftStory(deskApi, { headline, paragraphs: ['The storm hit the coast at dawn.'] });
  let story = await takeStep(deskApi, draft.id, { action: 'publish', version: draft.version });
  story = await republish(deskApi, story, headline, ['The storm hit the coast at dawn.', 'Two people were hurt, polise said.'], { updateKind: 'update', note: 'Injuries' });
  story = await republish(deskApi, story, headline, ['The storm hit the coast at dawn.', 'Two people were hurt, police said.'], { updateKind: 'minor_fix' });
  story = await republish(deskApi, story, headline, ['The storm hit the coast at dawn.', 'Three people were hurt, police said.'], {
    updateKind: 'correction',
    correction: 'An earlier version said two people were hurt; it was three.',
  });

  await reader.goto(`/news/${story.slug}`);
  await reader.getByRole('link', { name: /see what changed/ }).click();
  await expect(reader).toHaveURL(`/news/${story.slug}/changes`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(reader.getByText('Small fixes of spelling and style are not listed on their own')).toBeVisible();

  const versions = reader.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem');
  await expect(versions).toHaveCount(3);
  await expect(versions.getByRole('heading', { level: 2 })).toHaveText([
    new RegExp(`^Correction · ${WIRE_TIME.source}$`),
    new RegExp(`^Update · ${WIRE_TIME.source}$`),
    new RegExp(`^First published · ${WIRE_TIME.source}$`),
  ]);

  const [correction, update, first] = [versions.nth(0), versions.nth(1), versions.nth(2)];
  await expect(correction.getByText('An earlier version said two people were hurt; it was three.')).toBeVisible();
  await expect(correction.getByText('Includes a small fix of spelling or style made since the version before.')).toBeVisible();
  await expect(correction.getByText('Published by The copy desk')).toBeVisible();
  // Against the Update: the correction's own change and the minor fix's, in one diff.
  expect(await marked(correction, 'del')).toEqual(['Two', 'polise']);
  expect(await marked(correction, 'ins')).toEqual(['Three', 'police']);
  // Marked for screen readers in words, not by colour alone.
  await expect(correction.locator('.visually-hidden', { hasText: 'inserted:' })).toHaveCount(2);
  await expect(correction.locator('.visually-hidden', { hasText: 'deleted:' })).toHaveCount(2);

  expect(await marked(update, 'ins')).toEqual(['Two people were hurt, polise said.']);
  expect(await marked(update, 'del')).toEqual([]);
  await expect(first.getByText('The story as first published.')).toBeVisible();
  await expectNoViolations(reader);

  // The same for machines: Atom and JSON.
  const json = (await (await reader.request.get(`/news/${story.slug}/changes.json`)).json()) as { versions: { kind: string; foldedMinorFixes: number }[] };
  expect(json.versions.map((version) => [version.kind, version.foldedMinorFixes])).toEqual([
    ['correction', 1],
    ['update', 0],
    ['publish', 0],
  ]);
  const atom = await reader.request.get(`/news/${story.slug}/changes.atom`);
  expect(atom.headers()['content-type']).toContain('application/atom+xml');
  expect((await atom.text()).match(/<entry>/g)).toHaveLength(3);
  // The story's JSON-LD points its correction at the page.
  await reader.goBack();
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { correction: { url: string }[] };
  expect(jsonLd.correction[0]?.url).toMatch(new RegExp(`/news/${story.slug}/changes$`));
});

test('a story published once has no link from its stamp, and its history says it has not changed', async ({ deskApi, reader }) => {
  const { headline } = uniqueHeadline('Quiet harbour');
  const draft = await draftStory(deskApi, { headline, paragraphs: ['Nothing moved in the harbour.'] });
  const story = await takeStep(deskApi, draft.id, { action: 'publish', version: draft.version });

  await reader.goto(`/news/${story.slug}`);
  await expect(reader.locator('.wire-stamp')).toHaveText(new RegExp(`^${WIRE_TIME.source}$`));
  await expect(reader.locator('.wire-stamp').getByRole('link')).toHaveCount(0);
  await reader.goto(`/news/${story.slug}/changes`);
  await expect(reader.getByText('This story has not been updated or corrected since it was first published.')).toBeVisible();
  await expect(reader.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem')).toHaveCount(1);
});

test('a withdrawn story’s 410 page still links its history, which says the story was withdrawn', async ({ deskApi, reader }) => {
  const { headline } = uniqueHeadline('Pier closes');
  const draft = await draftStory(deskApi, { headline, paragraphs: ['The pier closed at noon.'] });
  let story = await takeStep(deskApi, draft.id, { action: 'publish', version: draft.version });
  story = await republish(deskApi, story, headline, ['The pier closed at noon for repairs.'], { updateKind: 'update' });
  await takeStep(deskApi, story.id, { action: 'withdraw', version: story.version, note: 'Pending legal review.' });

  const gone = await reader.goto(`/news/${story.slug}`);
  expect(gone?.status()).toBe(410);
  await reader.getByRole('link', { name: 'What changed in this story before it was withdrawn' }).click();
  await expect(reader.getByText('This story has been withdrawn; its history stays public.')).toBeVisible();
  await expect(reader.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem')).toHaveCount(2);
});
