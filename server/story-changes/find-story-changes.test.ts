import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { saveNewsroomSettings } from '@/server/newsroom-settings/save-newsroom-settings';
import { findPublicArticle } from '@/server/public/queries';
import type { UpdateKind } from '@/lib/domain-constants';
import { findStoryChanges } from './find-story-changes';

let writer: SessionUser;
let desk: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wren Writer');
  desk = await makeUser('copy_editor', 'Dana Desk');
  admin = await makeUser('admin', 'Ada Admin');
});

type Story = { id: number; version: number; slug: string | null };

function published(headline: string, body: string): Story {
  const story = writtenStory(writer, headline, new Date(), body);
  return publishArticle(desk, story.id, { version: story.version });
}

/** The desk edits the live story's text and publishes it as the kind given. */
function republished(story: Story, headline: string, body: string, kind: UpdateKind, correction?: string): Story {
  const saved = saveArticle(desk, story.id, { ...storyFields(headline, body), version: story.version });
  return publishArticle(desk, story.id, { version: saved.version, updateKind: kind, ...(correction ? { correction } : {}) });
}

const slugOf = (story: Story) => story.slug!;

const addedWords = (parts: { text: string; change: string }[]) => parts.filter((part) => part.change === 'added').map((part) => part.text.trim());
const removedWords = (parts: { text: string; change: string }[]) => parts.filter((part) => part.change === 'removed').map((part) => part.text.trim());

describe('a story’s public history', () => {
  it('lists each public version newest first, a minor fix folded into the next one’s diff', () => {
    let story = (published('Storm hits coast', 'The storm hit the coast at dawn.'));
    story = (republished(story, 'Storm hits coast', 'The storm hit the coast at dawn. Two people were hurt.', 'update'));
    story = (republished(story, 'Storm hits coast', 'The storm hit the coast at dawn. Two people were hurt. Roads closed.', 'minor_fix'));
    story = (republished(story, 'Storm hits the coast', 'The storm hit the coast at dawn. Three people were hurt. Roads closed.', 'correction', 'We said two people were hurt; it was three.'));

    const changes = findStoryChanges(slugOf(story))!;
    expect(changes.listedCount).toBe(3);
    expect(changes.versions.map((version) => version.kind)).toEqual(['correction', 'update', 'publish']);
    const [correction, update, first] = changes.versions;
    expect(correction).toMatchObject({ note: 'We said two people were hurt; it was three.', publishedBy: 'The copy desk', foldedMinorFixes: 1 });
    // The minor fix's "Roads closed." is in the correction's diff, with the correction's own words.
    const body = correction!.diff!.body.flatMap((block) => block.parts);
    expect(addedWords(body)).toEqual(expect.arrayContaining(['Three', 'Roads closed.']));
    expect(removedWords(body)).toContain('Two');
    expect(correction!.diff!.fields.find((field) => field.field === 'headline')!.changed).toBe(true);
    expect(update!.foldedMinorFixes).toBe(0);
    expect(addedWords(update!.diff!.body.flatMap((block) => block.parts)).join(' ')).toContain('Two people were hurt.');
    expect(first).toMatchObject({ diff: null, note: null });
    expect(changes.minorFixesSince).toBe(0);
    expect(changes.newerPath).toBeNull();
    expect(changes.olderPath).toBeNull();
  });

  it('for a story published once: one version, and nothing changed', () => {
    const story = (published('Quiet day', 'Nothing happened.'));
    const changes = findStoryChanges(slugOf(story))!;
    expect(changes.versions).toHaveLength(1);
    expect(changes.versions[0]).toMatchObject({ kind: 'publish', diff: null });
    expect(findPublicArticle(slugOf(story))!.updatedAt).toBeNull();
  });

  it('counts minor fixes made after the newest listed version, which no diff holds', () => {
    let story = (published('Typo tale', 'A typo here.'));
    story = (republished(story, 'Typo tale', 'A typo there.', 'minor_fix'));
    expect(findStoryChanges(slugOf(story))).toMatchObject({ listedCount: 1, minorFixesSince: 1 });
  });

  it('pages a long history by the last version shown, and refuses any other page address', () => {
    let story = (published('Long running', 'Version 0.'));
    for (let i = 1; i <= 4; i++) story = (republished(story, 'Long running', `Version ${i}.`, 'update'));
    const first = findStoryChanges(slugOf(story), undefined, 2)!;
    expect(first.versions.map((version) => version.number)).toHaveLength(2);
    expect(first.olderPath).toBe(`/news/${slugOf(story)}/changes/before/${first.versions[1]!.number}`);
    const second = findStoryChanges(slugOf(story), first.versions[1]!.number, 2)!;
    expect(second.newerPath).toBe(`/news/${slugOf(story)}/changes`);
    const third = findStoryChanges(slugOf(story), second.versions[1]!.number, 2)!;
    expect(third.versions.map((version) => version.kind)).toEqual(['publish']);
    expect(third.olderPath).toBeNull();
    expect(third.newerPath).toBe(`/news/${slugOf(story)}/changes/before/${first.versions[1]!.number}`);
    expect(findStoryChanges(slugOf(story), 999, 2)).toBeUndefined();
    expect(findStoryChanges(slugOf(story), third.versions[0]!.number, 2)).toBeUndefined();
  });

  it('names who published by role, or as the desk when the newsroom says so', () => {
    const story = (published('Credit check', 'Body.'));
    expect(findStoryChanges(slugOf(story))!.versions[0]!.publishedBy).toBe('The copy desk');
    saveNewsroomSettings(admin, { changesCredit: 'desk', deskName: 'The Metro desk' });
    expect(findStoryChanges(slugOf(story))!.versions[0]!.publishedBy).toBe('The Metro desk');
    saveNewsroomSettings(admin, { changesCredit: 'role', deskName: 'The Metro desk' });
    expect(() => saveNewsroomSettings(desk, { changesCredit: 'desk', deskName: 'Mine' })).toThrow('permission');
  });

  it('stays public for a withdrawn story, and is nothing for a draft', () => {
    const story = (published('Pulled story', 'Body.'));
    const withdrawn = withdrawArticle(desk, story.id, { version: story.version, note: 'Legal advice.' });
    expect(findStoryChanges(slugOf(withdrawn))).toMatchObject({ withdrawn: true, listedCount: 1 });
    expect(findStoryChanges('no-such-story')).toBeUndefined();
  });

  it('keeps hostile text as the text it is', () => {
    const hostile = '<script>alert(1)</script>';
    let story = (published('Hostile', 'Plain.'));
    story = (republished(story, 'Hostile', `Plain. ${hostile}`, 'update'));
    const added = addedWords(findStoryChanges(slugOf(story))!.versions[0]!.diff!.body.flatMap((block) => block.parts)).join('');
    expect(added).toContain('<script>');
  });
});
