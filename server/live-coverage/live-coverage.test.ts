import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { liveEvents, publicChanges } from '@/db/schema';
import type { BodyDoc } from '@/lib/article-body';
import type { LiveStreamEvent } from '@/lib/live-coverage/live-entry';
import { sitemapKeysOf, storyKey } from '@/lib/public/surrogate-keys';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, writtenStory } from '@/tests/factories';
import { entryFields, publishedLiveStory } from '@/tests/live-fixtures';
import { publishArticle } from '@/server/articles/publish-article';
import { approveArticle, submitArticle } from '@/server/articles/review-steps';
import { createOwnAuthorProfile } from '@/server/filing/save-author';
import { editEntry } from './edit-entry';
import { endLiveCoverage } from './end-live-coverage';
import { pinEntry } from './pin-entry';
import { postEntry } from './post-entry';
import { getLiveDesk, listEntryRevisions, liveStreamState, publicLiveCoverage } from './queries';
import { removeEntry } from './remove-entry';
import { saveEntryDraft } from './save-entry-draft';
import { saveKeyPoints } from './save-key-points';
import { makeLiveStory, startLiveStory } from './start-live-story';

const T0 = new Date('2022-02-15T12:57:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let reporter: SessionUser;
let otherReporter: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  reporter = await makeUser('editor', 'Nadia Reporter');
  otherReporter = await makeUser('editor', 'Omar Reporter');
  desk = await makeUser('copy_editor', 'Tomás Desk');
});

function eventsOf(articleId: number): LiveStreamEvent[] {
  return getDb()
    .select({ data: liveEvents.data })
    .from(liveEvents)
    .where(eq(liveEvents.articleId, articleId))
    .all()
    .map((row) => JSON.parse(row.data) as LiveStreamEvent);
}

function coverageOf(articleId: number) {
  const desk = getLiveDesk(reporter, articleId);
  return { desk, public: publicLiveCoverage({ id: articleId, coverageStartedAt: null, firstPublishedAt: T0, coverageEndedAt: null, keyPoints: desk.keyPoints }) };
}

describe('a live story', () => {
  it('starts as a draft that goes through the desk, and its coverage starts when it is published', () => {
    const { id } = startLiveStory(reporter, at(0));
    expect(getLiveDesk(reporter, id)).toMatchObject({ public: false, startedAt: null, endedAt: null, entries: [], draft: null });
    expect(liveStreamState(id)).toBe('none');
    const story = publishedLiveStory(reporter, desk, 'Earthquake strikes the coast', at(1));
    expect(getLiveDesk(reporter, story.id)).toMatchObject({ public: true, startedAt: at(1).toISOString(), slug: story.slug });
    expect(liveStreamState(story.id)).toBe('live');
  });

  it('is made from a public article at once, its coverage starting then, and purges the page', () => {
    const written = writtenStory(reporter, 'Storm nears the capital', at(0));
    const submitted = submitArticle(reporter, written.id, { version: written.version }, at(0));
    const approved = approveArticle(desk, written.id, { version: submitted.version }, at(0));
    publishArticle(desk, written.id, { version: approved.version }, at(1));
    const changesBefore = getDb().select().from(publicChanges).all().length;
    makeLiveStory(reporter, written.id, at(5));
    expect(getLiveDesk(reporter, written.id)).toMatchObject({ public: true, startedAt: at(5).toISOString() });
    expect(getDb().select().from(publicChanges).all().length).toBe(changesBefore + 1);
    expect(appErrorFrom(() => makeLiveStory(reporter, written.id, at(6)))).toMatchObject({ code: 'CONFLICT' });
    expect(auditEntries({ action: 'live.start', targetId: written.id })).toHaveLength(1);
  });

  it('refuses to be made live by a reporter who does not own it', () => {
    const written = writtenStory(reporter, 'Not yours', at(0));
    const submitted = submitArticle(reporter, written.id, { version: written.version }, at(0));
    expect(submitted.status).toBe('in_review');
    expect(appErrorFrom(() => makeLiveStory(otherReporter, written.id, at(1)))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is refused as a live story when it is an ordinary article', () => {
    const written = writtenStory(reporter, 'Plain story', at(0));
    expect(appErrorFrom(() => postEntry(reporter, written.id, entryFields('Nope'), at(1)))).toMatchObject({ code: 'INVALID' });
  });
});

describe('entries', () => {
  it('are posted by any reporter, credited to the poster’s profile, public and sent at once', async () => {
    const profile = createOwnAuthorProfile(otherReporter);
    const story = publishedLiveStory(reporter, desk, 'Ferry sinks off the island', at(0));
    const entry = postEntry(otherReporter, story.id, entryFields('Rescue boats arrive', 'Rescue boats reached the ferry at dawn.'), at(3));
    expect(entry).toMatchObject({ headline: 'Rescue boats arrive', postedAt: at(3).toISOString(), updatedAt: null, pinned: false, revisionCount: 1, postedByName: 'Omar Reporter' });
    expect(entry.authors).toEqual([{ id: profile.id, name: 'Omar Reporter', slug: 'omar-reporter' }]);
    expect(coverageOf(story.id).public.entries.map((shown) => shown.headline)).toEqual(['Rescue boats arrive']);
    expect(eventsOf(story.id)).toEqual([{ kind: 'entry', entry: expect.objectContaining({ id: entry.id, headline: 'Rescue boats arrive' }) }]);
    expect(auditEntries({ action: 'live.entry.post', targetId: story.id })).toEqual([expect.objectContaining({ actorId: otherReporter.id, details: { entry: entry.id } })]);
  });

  it('are shown pinned first, then newest first', () => {
    const story = publishedLiveStory(reporter, desk, 'Election night', at(0));
    const first = postEntry(reporter, story.id, entryFields('Polls close'), at(1));
    postEntry(reporter, story.id, entryFields('First results'), at(2));
    postEntry(reporter, story.id, entryFields('Turnout high'), at(3));
    pinEntry(desk, story.id, first.id, { pinned: true, version: first.version }, at(4));
    expect(coverageOf(story.id).public.entries.map((entry) => [entry.headline, entry.pinned])).toEqual([
      ['Polls close', true],
      ['Turnout high', false],
      ['First results', false],
    ]);
  });

  it('keep every version when edited, marked updated, and a stale edit is refused with the entry as it is', () => {
    const story = publishedLiveStory(reporter, desk, 'Wildfire spreads', at(0));
    const posted = postEntry(reporter, story.id, entryFields('Town evacuated', 'Five hundred people left.'), at(1));
    const edited = editEntry(reporter, story.id, posted.id, { ...entryFields('Town evacuated', 'Five thousand people left.'), version: posted.version }, at(2));
    expect(edited).toMatchObject({ postedAt: at(1).toISOString(), updatedAt: at(2).toISOString(), revisionCount: 2, version: posted.version + 1 });
    expect(listEntryRevisions(reporter, story.id, posted.id).map((revision) => revision.bodyText)).toEqual(['Five hundred people left.', 'Five thousand people left.']);
    const stale = appErrorFrom(() => editEntry(desk, story.id, posted.id, { ...entryFields('Mine'), version: posted.version }, at(3)));
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { current: expect.objectContaining({ headline: 'Town evacuated', version: edited.version }) } });
    expect(eventsOf(story.id).map((event) => event.kind)).toEqual(['entry', 'entry']);
  });

  it('are edited and removed by their poster or the desk, pinned by the desk only', () => {
    const story = publishedLiveStory(reporter, desk, 'Bridge collapses', at(0));
    const mine = postEntry(reporter, story.id, entryFields('Cars in the river'), at(1));
    const theirs = postEntry(otherReporter, story.id, entryFields('Divers on the scene'), at(2));
    expect(appErrorFrom(() => editEntry(reporter, story.id, theirs.id, { ...entryFields('Changed'), version: theirs.version }, at(3)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(appErrorFrom(() => removeEntry(reporter, story.id, theirs.id, { version: theirs.version }, at(3)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(appErrorFrom(() => pinEntry(reporter, story.id, mine.id, { pinned: true, version: mine.version }, at(3)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(editEntry(desk, story.id, theirs.id, { ...entryFields('Divers reach the cars'), version: theirs.version }, at(4)).headline).toBe('Divers reach the cars');
    expect(removeEntry(reporter, story.id, mine.id, { version: mine.version }, at(5))).toMatchObject({ removedAt: at(5).toISOString(), removedByName: 'Nadia Reporter' });
  });

  it('once removed leave the public page and are sent as removed, but stay on the desk and in the audit', () => {
    const story = publishedLiveStory(reporter, desk, 'Plane diverted', at(0));
    const entry = postEntry(reporter, story.id, entryFields('Wrong airport named'), at(1));
    removeEntry(desk, story.id, entry.id, { version: entry.version }, at(2));
    const { desk: deskView, public: shown } = coverageOf(story.id);
    expect(shown.entries).toEqual([]);
    expect(deskView.entries).toEqual([expect.objectContaining({ id: entry.id, removedAt: at(2).toISOString(), removedByName: 'Tomás Desk' })]);
    expect(eventsOf(story.id).at(-1)).toEqual({ kind: 'remove', id: entry.id });
    expect(auditEntries({ action: 'live.entry.remove', targetId: story.id })).toHaveLength(1);
    expect(appErrorFrom(() => editEntry(desk, story.id, entry.id, { ...entryFields('Back'), version: entry.version + 1 }, at(3)))).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuse empty text, unknown photos and authors, and keep hostile markup as text', () => {
    const story = publishedLiveStory(reporter, desk, 'Protest in the square', at(0));
    expect(appErrorFrom(() => postEntry(reporter, story.id, { headline: '', body: { type: 'doc', content: [{ type: 'paragraph' }] }, authorIds: [] }, at(1)))).toMatchObject({
      code: 'INVALID',
      details: { fields: { body: ['Write the entry before posting it.'] } },
    });
    const withPhoto: BodyDoc = { type: 'doc', content: [{ type: 'photo', attrs: { photoId: 999_999 } }] };
    expect(appErrorFrom(() => postEntry(reporter, story.id, { headline: 'Photo', body: withPhoto, authorIds: [] }, at(1)))).toMatchObject({ code: 'INVALID', details: { fields: { body: ['The photo in the body (photo 999999) is no longer in the library.'] } } });
    expect(appErrorFrom(() => postEntry(reporter, story.id, { ...entryFields('Who'), authorIds: [999_999] }, at(1)))).toMatchObject({ code: 'INVALID', details: { fields: { authorIds: [expect.stringContaining('999999')] } } });
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const entry = postEntry(reporter, story.id, entryFields(hostile, hostile), at(2));
    expect(entry.headline).toBe(hostile);
    expect(entry.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: hostile }] }] });
  });

  it('are no longer posted once coverage has ended, which is sent to readers and closes the stream', () => {
    const story = publishedLiveStory(reporter, desk, 'Summit ends', at(0));
    const entry = postEntry(reporter, story.id, entryFields('Leaders leave'), at(1));
    expect(appErrorFrom(() => endLiveCoverage(otherReporter, story.id, at(2)))).toMatchObject({ code: 'FORBIDDEN' });
    endLiveCoverage(reporter, story.id, at(2));
    expect(getLiveDesk(reporter, story.id).endedAt).toBe(at(2).toISOString());
    expect(liveStreamState(story.id)).toBe('ended');
    expect(eventsOf(story.id).at(-1)).toEqual({ kind: 'end', endedAt: at(2).toISOString() });
    expect(appErrorFrom(() => postEntry(reporter, story.id, entryFields('Late'), at(3)))).toMatchObject({ code: 'CONFLICT' });
    expect(appErrorFrom(() => endLiveCoverage(desk, story.id, at(3)))).toMatchObject({ code: 'CONFLICT' });
    // A correction after the end is still possible.
    expect(editEntry(reporter, story.id, entry.id, { ...entryFields('Leaders leave Geneva'), version: entry.version }, at(4)).headline).toBe('Leaders leave Geneva');
  });

  it('purge the story, and its sitemaps whose lastmod they move; key points purge the story alone', () => {
    const story = publishedLiveStory(reporter, desk, 'Bridge closed', at(0));
    const lastPurge = () => getDb().select().from(publicChanges).all().at(-1)?.keys.split(' ');
    const entry = postEntry(reporter, story.id, entryFields('Traffic diverted'), at(1));
    expect(lastPurge()).toEqual([storyKey(story.id), ...sitemapKeysOf(story.id)]);
    removeEntry(reporter, story.id, entry.id, { version: entry.version }, at(2));
    expect(lastPurge()).toEqual([storyKey(story.id), ...sitemapKeysOf(story.id)]);
    saveKeyPoints(reporter, story.id, { keyPoints: ['Bridge shut'], basedOn: [] }, at(3));
    expect(lastPurge()).toEqual([storyKey(story.id)]);
  });

  it('of a story not yet public are kept, sent to nobody, and purge nothing', () => {
    const { id } = startLiveStory(reporter, at(0));
    const before = getDb().select().from(publicChanges).all().length;
    postEntry(reporter, id, entryFields('Prepared in advance'), at(1));
    expect(getDb().select().from(publicChanges).all().length).toBe(before);
    expect(getLiveDesk(reporter, id).entries).toHaveLength(1);
  });

  it('of a draft live story are not visible to another reporter', () => {
    const { id } = startLiveStory(reporter, at(0));
    expect(appErrorFrom(() => postEntry(otherReporter, id, entryFields('Sneaky'), at(1)))).toMatchObject({ code: 'NOT_FOUND' });
    expect(appErrorFrom(() => getLiveDesk(otherReporter, id))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the composer’s draft', () => {
  it('is kept per person until they post it', () => {
    const story = publishedLiveStory(reporter, desk, 'Flooding in the north', at(0));
    saveEntryDraft(reporter, story.id, entryFields('Half-written', 'The river rose'), at(1));
    saveEntryDraft(otherReporter, story.id, entryFields('Another', 'Someone else’s'), at(1));
    expect(getLiveDesk(reporter, story.id).draft).toMatchObject({ headline: 'Half-written', savedAt: at(1).toISOString() });
    postEntry(reporter, story.id, entryFields('Half-written', 'The river rose overnight.'), at(2));
    expect(getLiveDesk(reporter, story.id).draft).toBeNull();
    expect(getLiveDesk(otherReporter, story.id).draft).toMatchObject({ headline: 'Another' });
  });
});

describe('key points', () => {
  it('are public at once, sent to readers, audited, and never overwrite someone else’s newer points', () => {
    const story = publishedLiveStory(reporter, desk, 'Strike closes ports', at(0));
    expect(saveKeyPoints(reporter, story.id, { keyPoints: ['Ports shut', 'Talks at noon'], basedOn: [] }, at(1))).toEqual(['Ports shut', 'Talks at noon']);
    expect(eventsOf(story.id).at(-1)).toEqual({ kind: 'summary', keyPoints: ['Ports shut', 'Talks at noon'] });
    const stale = appErrorFrom(() => saveKeyPoints(desk, story.id, { keyPoints: ['Mine'], basedOn: [] }, at(2)));
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { current: ['Ports shut', 'Talks at noon'] } });
    expect(appErrorFrom(() => saveKeyPoints(otherReporter, story.id, { keyPoints: [], basedOn: ['Ports shut', 'Talks at noon'] }, at(2)))).toMatchObject({ code: 'FORBIDDEN' });
    expect(auditEntries({ action: 'live.key_points', targetId: story.id })).toHaveLength(1);
  });
});
