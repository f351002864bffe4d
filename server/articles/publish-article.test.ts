import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { photos } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { articleRow, revisionsOf } from '@/tests/article-rows';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { currentPublicVersion } from '@/server/public/public-version';
import { findPublicArticle, resolvePublicAddress } from '@/server/public/queries';
import { publishArticle } from './publish-article';
import { getArticle } from './queries';
import { approveArticle, submitArticle } from './review-steps';
import { saveArticle } from './save-article';
import { withdrawArticle } from './withdraw-article';

const T0 = new Date('2022-02-15T12:57:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let copyEditor: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Nadia Writer');
  copyEditor = await makeUser('copy_editor', 'Tomás Desk');
});

/** A story approved by the copy desk, ready for its writer (an editor) to publish. */
function approvedStory(headline: string, body?: string) {
  const story = writtenStory(writer, headline, at(-10), body);
  const submitted = submitArticle(writer, story.id, { version: story.version }, at(-9));
  const approved = approveArticle(copyEditor, story.id, { version: submitted.version }, at(-8));
  return { id: story.id, version: approved.version };
}

function edit(user: SessionUser, id: number, version: number, headline: string, body: string, when: Date) {
  return saveArticle(user, id, { ...storyFields(headline, body), version }, when);
}

describe('publishing', () => {
  it('puts the approved version live at an address from its headline, stamped once', () => {
    const story = approvedStory('Talks resume in Geneva');
    const before = currentPublicVersion();
    const published = publishArticle(writer, story.id, { version: story.version }, at(0));
    expect(published).toMatchObject({
      status: 'published',
      live: true,
      hasUnpublishedChanges: false,
      slug: 'talks-resume-in-geneva',
      firstPublishedAt: at(0).toISOString(),
      updatedAt: null,
      revisionKind: 'publish',
    });
    expect(published.liveRevisionNumber).toBe(published.revisionNumber);
    expect(currentPublicVersion()).toBe(before + 1);
    expect(resolvePublicAddress('talks-resume-in-geneva')).toEqual({ kind: 'live' });
    expect(findPublicArticle('talks-resume-in-geneva')).toMatchObject({ headline: 'Talks resume in Geneva', firstPublishedAt: at(0).toISOString(), updatedAt: null });
    expect(auditEntries({ action: 'article.publish', targetId: story.id })).toEqual([
      expect.objectContaining({ actorId: writer.id, details: expect.objectContaining({ kind: 'publish', slug: 'talks-resume-in-geneva', via: 'desk' }) }),
    ]);
  });

  it('keeps the public page on the live version while the working copy changes, until an update is published', () => {
    const story = approvedStory('Rates held', 'The bank held rates.');
    const live = publishArticle(writer, story.id, { version: story.version }, at(0));
    const edited = edit(copyEditor, story.id, live.version, 'Rates held at 3.75%', 'The bank held rates at 3.75%.', at(1));
    expect(edited).toMatchObject({ status: 'published', hasUnpublishedChanges: true, live: true });
    expect(findPublicArticle(live.slug!)).toMatchObject({ headline: 'Rates held', bodyText: 'The bank held rates.' });

    const updated = publishArticle(copyEditor, story.id, { version: edited.version, updateKind: 'update', note: 'Added the rate' }, at(6));
    expect(updated).toMatchObject({ hasUnpublishedChanges: false, updatedAt: at(6).toISOString(), firstPublishedAt: at(0).toISOString() });
    expect(findPublicArticle(live.slug!)).toMatchObject({ headline: 'Rates held at 3.75%', updatedAt: at(6).toISOString() });
    // The address was fixed at the first publish; a new headline does not move it.
    expect(updated.slug).toBe(live.slug);
  });

  it('moves the Updated stamp for an update and a correction, never for a minor fix, and never moves the first publish', () => {
    const story = approvedStory('Ship runs aground', 'A ship ran aground.');
    let view = publishArticle(writer, story.id, { version: story.version }, at(0));
    view = edit(copyEditor, story.id, view.version, 'Ship runs aground', 'A ship ran agroud near the port.', at(1));
    view = publishArticle(copyEditor, story.id, { version: view.version, updateKind: 'update' }, at(2));
    expect(view.updatedAt).toBe(at(2).toISOString());

    view = edit(copyEditor, story.id, view.version, 'Ship runs aground', 'A ship ran aground near the port.', at(3));
    view = publishArticle(copyEditor, story.id, { version: view.version, updateKind: 'minor_fix' }, at(4));
    expect(view).toMatchObject({ updatedAt: at(2).toISOString(), revisionKind: 'minor_fix', hasUnpublishedChanges: false });
    expect(findPublicArticle(view.slug!)?.bodyText).toBe('A ship ran aground near the port.');

    view = edit(copyEditor, story.id, view.version, 'Ship runs aground', 'A tanker ran aground near the port.', at(5));
    view = publishArticle(
      copyEditor,
      story.id,
      { version: view.version, updateKind: 'correction', correction: 'An earlier version called the tanker a ship.' },
      at(6),
    );
    expect(view).toMatchObject({ updatedAt: at(6).toISOString(), firstPublishedAt: at(0).toISOString() });
    expect(findPublicArticle(view.slug!)?.corrections).toEqual([{ at: at(6).toISOString(), note: 'An earlier version called the tanker a ship.' }]);
    expect(revisionsOf(story.id).filter((r) => ['publish', 'update', 'minor_fix', 'correction'].includes(r.kind)).map((r) => r.kind)).toEqual([
      'publish',
      'update',
      'minor_fix',
      'correction',
    ]);
  });

  it('asks what kind of update a change to a live story is, and a correction for its note', () => {
    const story = approvedStory('Bridge reopens');
    let view = publishArticle(writer, story.id, { version: story.version }, at(0));
    view = edit(copyEditor, story.id, view.version, 'Bridge reopens to traffic', 'Cars are back.', at(1));
    const noKind = appErrorFrom(() => publishArticle(copyEditor, story.id, { version: view.version }, at(2)));
    expect([noKind.code, noKind.details.fields]).toEqual(['INVALID', { updateKind: ['Choose Update, Correction or Minor fix.'] }]);
    const noNote = appErrorFrom(() => publishArticle(copyEditor, story.id, { version: view.version, updateKind: 'correction' }, at(2)));
    expect(noNote.details.fields).toEqual({ correction: ['Write the correction readers will see at the foot of the story.'] });
    expect(findPublicArticle(view.slug!)?.headline).toBe('Bridge reopens');
    const updated = publishArticle(copyEditor, story.id, { version: view.version, updateKind: 'update' }, at(2));
    expect(findPublicArticle(view.slug!)?.headline).toBe('Bridge reopens to traffic');
    const again = appErrorFrom(() => publishArticle(copyEditor, story.id, { version: updated.version, updateKind: 'update' }, at(3)));
    expect([again.code, again.message]).toEqual(['CONFLICT', 'Nothing to publish: the public page already shows this version.']);
  });

  it('lets an editor publish only what the copy desk approved; the copy desk publishes any', () => {
    const draft = writtenStory(writer, 'Unreviewed claim', at(0));
    const refused = appErrorFrom(() => publishArticle(writer, draft.id, { version: draft.version }, at(1)));
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'The copy desk must approve this version before you can publish it.']);
    expect(articleRow(draft.id)).toMatchObject({ status: 'draft', liveRevisionId: null, firstPublishedAt: null });
    expect(publishArticle(copyEditor, draft.id, { version: draft.version }, at(2)).status).toBe('published');
  });

  it('publishes once when two tabs publish the same version at the same moment', () => {
    const story = approvedStory('Election called');
    publishArticle(writer, story.id, { version: story.version }, at(0));
    const second = appErrorFrom(() => publishArticle(copyEditor, story.id, { version: story.version }, at(0)));
    expect(second.code).toBe('CONFLICT');
    expect(second.details.current).toMatchObject({ status: 'published' });
    expect(revisionsOf(story.id).filter((revision) => revision.kind === 'publish')).toHaveLength(1);
    expect(auditEntries({ action: 'article.publish', targetId: story.id })).toHaveLength(1);
  });

  it('refuses while a photo lacks its credit or the text is empty, naming each problem', () => {
    const sha256 = createHash('sha256').update('publish-uncredited').digest('hex');
    const photoId = getDb()
      .insert(photos)
      .values({ sha256, originalName: 'quay.jpg', storageKey: sha256, mime: 'image/jpeg', sizeBytes: 1, width: 800, height: 600, uploadedBy: writer.id, caption: 'The quay' })
      .returning({ id: photos.id })
      .get().id;
    const story = writtenStory(writer, 'Quay collapses', at(0));
    const withPhoto = saveArticle(copyEditor, story.id, { ...storyFields(''), body: { type: 'doc', content: [{ type: 'paragraph' }] }, leadPhoto: { photoId, caption: null, credit: null }, version: story.version });
    const refused = appErrorFrom(() => publishArticle(copyEditor, story.id, { version: withPhoto.version }, at(1)));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.details.fields).toEqual({
      publish: ['The headline is empty.', 'The body is empty.', 'The lead photo “quay.jpg” has no credit.', 'The lead photo “quay.jpg” has no alt text.'],
    });
    expect(articleRow(story.id)).toMatchObject({ liveRevisionId: null, status: 'draft' });
  });

  it('gives each story its own address, transliterating non-Latin headlines', () => {
    const first = approvedStory('Москва: переговоры продолжаются');
    const second = approvedStory('Москва: переговоры продолжаются');
    const third = approvedStory('Latest');
    expect(publishArticle(writer, first.id, { version: first.version }, at(0)).slug).toBe('moskva-peregovory-prodolzhayutsya');
    expect(publishArticle(writer, second.id, { version: second.version }, at(0)).slug).toBe('moskva-peregovory-prodolzhayutsya-2');
    expect(publishArticle(writer, third.id, { version: third.version }, at(0)).slug).toBe('story-latest');
  });
});

describe('withdrawing', () => {
  it('takes the story off the site (its address is Gone), keeps its history, and lets it be published again', () => {
    const story = approvedStory('Disputed figures');
    const live = publishArticle(writer, story.id, { version: story.version }, at(0));
    const before = currentPublicVersion();
    const withdrawn = withdrawArticle(copyEditor, story.id, { version: live.version, note: 'Figures could not be verified' }, at(30));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', live: false, withdrawnAt: at(30).toISOString(), firstPublishedAt: at(0).toISOString() });
    expect(currentPublicVersion()).toBe(before + 1);
    expect(resolvePublicAddress(live.slug!)).toMatchObject({ kind: 'withdrawn', headline: 'Disputed figures', withdrawnAt: at(30) });
    expect(findPublicArticle(live.slug!)).toBeUndefined();
    expect(auditEntries({ action: 'article.withdraw', targetId: story.id })[0]?.details).toEqual({ note: 'Figures could not be verified' });

    const again = appErrorFrom(() => withdrawArticle(copyEditor, story.id, { version: withdrawn.version, note: 'again' }));
    expect(again.message).toBe('Only a story on the public site can be withdrawn.');
    const back = publishArticle(copyEditor, story.id, { version: withdrawn.version, updateKind: 'update' }, at(60));
    expect(back).toMatchObject({ live: true, firstPublishedAt: at(0).toISOString(), withdrawnAt: null });
    expect(resolvePublicAddress(live.slug!)).toEqual({ kind: 'live' });
    expect(getArticle(writer, story.id).revisionKind).toBe('update');
  });
});
