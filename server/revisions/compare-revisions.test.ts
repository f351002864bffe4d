import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { approveArticle, submitArticle } from '@/server/articles/review-steps';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { compareArticleRevisions } from './compare-revisions';

const T0 = new Date('2026-10-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let otherWriter: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  desk = await makeUser('copy_editor', 'Cora Copy');
});

const changedLines = (comparison: ReturnType<typeof compareArticleRevisions>) =>
  comparison.diff.body.filter((block) => block.change !== 'same').map((block) => [block.change, block.parts.map((part) => `${part.change}:${part.text}`).join('|')]);

describe('compareArticleRevisions', () => {
  it('by default compares the working copy with the last revision whose text differs, skipping status steps', () => {
    const story = writtenStory(writer, 'Bridge', at(0), 'The bridge opened.');
    const saved = saveArticle(writer, story.id, { ...storyFields('Bridge', 'The new bridge opened.'), version: story.version }, at(1));
    const submitted = submitArticle(writer, story.id, { version: saved.version }, at(2));
    approveArticle(desk, story.id, { version: submitted.version }, at(3));

    const comparison = compareArticleRevisions(desk, story.id, {});
    expect([comparison.from.number, comparison.from.label, comparison.to.number, comparison.to.label]).toEqual([2, 'Saved', 5, 'Approved']);
    expect(comparison.to).toMatchObject({ authorName: 'Cora Copy', working: true, live: false });
    expect(changedLines(comparison)).toEqual([['changed', 'same:The |added:new |same:bridge opened.']]);
  });

  it('compares a live story’s working copy with what the public sees', () => {
    const story = writtenStory(desk, 'Dam', at(0), 'Water rose.');
    const published = publishArticle(desk, story.id, { version: story.version }, at(1));
    saveArticle(desk, story.id, { ...storyFields('Dam', 'Water rose again.'), version: published.version }, at(2));
    const comparison = compareArticleRevisions(desk, story.id, {});
    expect([comparison.from.number, comparison.from.live, comparison.to.number]).toEqual([3, true, 4]);
    expect(changedLines(comparison)).toEqual([['changed', 'same:Water rose|added: again|same:.']]);
    expect(compareArticleRevisions(desk, story.id, { from: 'live', to: 'working' }).diff.changed).toBe(true);
    expect(compareArticleRevisions(desk, story.id, { from: 1, to: 1 }).diff.changed).toBe(false);
  });

  it('refuses a revision the article does not have, a live version before publication, and a reader who may not see the draft', () => {
    const story = writtenStory(writer, 'Only two revisions', at(0));
    expect(appErrorFrom(() => compareArticleRevisions(writer, story.id, { from: 1, to: 7 })).message).toBe('This article has no revision 7.');
    expect(appErrorFrom(() => compareArticleRevisions(writer, story.id, { from: 'live' })).message).toBe(
      'This story has not been published, so there is no live version.',
    );
    expect(appErrorFrom(() => compareArticleRevisions(otherWriter, story.id, {})).code).toBe('NOT_FOUND');
  });
});
