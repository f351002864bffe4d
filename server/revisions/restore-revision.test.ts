import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { saveArticle } from '@/server/articles/save-article';
import { submitArticle } from '@/server/articles/review-steps';
import { appErrorFrom } from '@/tests/app-error';
import { revisionsOf } from '@/tests/article-rows';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { restoreRevision } from './restore-revision';

const T0 = new Date('2026-07-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
});

/** A story saved twice: revision 2 says "First", revision 3 says "Second" in every field. */
function twiceWritten() {
  const story = writtenStory(writer, 'First headline', at(0), 'First body.');
  const second = saveArticle(writer, story.id, { ...storyFields('Second headline', 'Second body.'), byline: 'By Someone Else', version: story.version }, at(1));
  return { id: story.id, version: second.version };
}

describe('restoreRevision', () => {
  it('brings a whole revision back as a new "restore" revision, keeping every revision', () => {
    const story = twiceWritten();
    const restored = restoreRevision(writer, story.id, 2, { version: story.version, fields: ['headline', 'standfirst', 'dateline', 'byline', 'leadPhoto', 'body'] }, at(2));
    expect(restored).toMatchObject({ headline: 'First headline', byline: 'By The Desk', revisionNumber: 4, revisionKind: 'restore', version: story.version + 1 });
    expect(revisionsOf(story.id).map((revision) => [revision.number, revision.kind, revision.headline, revision.bodyText])).toEqual([
      [1, 'create', '', ''],
      [2, 'save', 'First headline', 'First body.'],
      [3, 'save', 'Second headline', 'Second body.'],
      [4, 'restore', 'First headline', 'First body.'],
    ]);
    expect(revisionsOf(story.id).at(-1)?.changeNote).toBe('Restored headline, standfirst, dateline, byline, lead photo, body from revision 2');
    expect(auditEntries({ action: 'article.restore', targetId: story.id }).map((entry) => entry.details)).toEqual([
      { from: 2, revision: 4, fields: ['headline', 'standfirst', 'dateline', 'byline', 'leadPhoto', 'body'] },
    ]);
  });

  it('restores only the chosen parts, leaving the rest of the working copy as it is', () => {
    const story = twiceWritten();
    const restored = restoreRevision(writer, story.id, 2, { version: story.version, fields: ['headline'] }, at(2));
    expect(restored).toMatchObject({ headline: 'First headline', byline: 'By Someone Else' });
    expect(revisionsOf(story.id).at(-1)).toMatchObject({ bodyText: 'Second body.', changeNote: 'Restored headline from revision 2' });
  });

  it('refuses a stale version with the current one, and a revision the article does not have', () => {
    const story = twiceWritten();
    const stale = appErrorFrom(() => restoreRevision(writer, story.id, 2, { version: story.version - 1, fields: ['body'] }, at(2)));
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { current: expect.objectContaining({ headline: 'Second headline' }) } });
    const other = writtenStory(writer, 'Another story', at(3));
    // Revisions are numbered within their article: another article's revision cannot even be named.
    expect(appErrorFrom(() => restoreRevision(writer, other.id, 9, { version: other.version, fields: ['body'] })).message).toBe(
      'This article has no revision 9.',
    );
    expect(revisionsOf(story.id)).toHaveLength(3);
  });

  it('is refused to a writer on a story that is with the copy desk', () => {
    const story = twiceWritten();
    submitArticle(writer, story.id, { version: story.version }, at(2));
    expect(appErrorFrom(() => restoreRevision(writer, story.id, 2, { version: story.version + 1, fields: ['body'] }, at(3))).code).toBe('FORBIDDEN');
  });
});
