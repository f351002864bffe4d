import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { articleRow, revisionsOf } from '@/tests/article-rows';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { getArticle } from './queries';
import { approveArticle, returnArticle, submitArticle } from './review-steps';
import { saveArticle } from './save-article';

const T0 = new Date('2026-05-04T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let otherWriter: SessionUser;
let copyEditor: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  copyEditor = await makeUser('copy_editor', 'Cora Copy');
});

describe('the review steps', () => {
  it('take a draft through review and back, each step a revision of the same text, audited', () => {
    const story = writtenStory(writer, 'Harbour reopens', at(0));
    const submitted = submitArticle(writer, story.id, { version: story.version, note: 'Ready for the desk' }, at(1));
    expect(submitted).toMatchObject({ status: 'in_review', revisionKind: 'submit', version: story.version + 1 });

    const returned = returnArticle(copyEditor, story.id, { version: submitted.version, note: 'Name the harbour master.' }, at(2));
    expect(returned).toMatchObject({ status: 'draft', revisionKind: 'return' });
    expect(returned.returnNote).toEqual({ note: 'Name the harbour master.', byName: 'Cora Copy', at: at(2).toISOString(), submittedRevision: 3, returnedRevision: 4 });

    const fixed = saveArticle(writer, story.id, { ...storyFields('Harbour reopens under new master'), version: returned.version }, at(3));
    expect(fixed.returnNote?.note).toBe('Name the harbour master.');
    const resubmitted = submitArticle(writer, story.id, { version: fixed.version }, at(4));
    expect(resubmitted.returnNote).toBeNull();
    const approved = approveArticle(copyEditor, story.id, { version: resubmitted.version }, at(5));
    expect(approved).toMatchObject({ status: 'approved', revisionKind: 'approve', lastEditedByName: 'Cora Copy' });

    const history = revisionsOf(story.id);
    expect(history.map((revision) => [revision.kind, revision.headline, revision.changeNote])).toEqual([
      ['create', '', null],
      ['save', 'Harbour reopens', null],
      ['submit', 'Harbour reopens', 'Ready for the desk'],
      ['return', 'Harbour reopens', 'Name the harbour master.'],
      ['save', 'Harbour reopens under new master', null],
      ['submit', 'Harbour reopens under new master', null],
      ['approve', 'Harbour reopens under new master', null],
    ]);
    expect(history.at(-1)?.body).toEqual(history.at(-3)?.body);
    expect(auditEntries({ targetType: 'article', targetId: story.id }).map((entry) => entry.action)).toEqual([
      'article.create',
      'article.save',
      'article.submit',
      'article.return',
      'article.save',
      'article.submit',
      'article.approve',
    ]);
  });

  it('leave a submitted article to the copy desk: its writer can no longer edit it', () => {
    const story = writtenStory(writer, 'Ferry fares rise', at(0));
    const submitted = submitArticle(writer, story.id, { version: story.version }, at(1));
    const refusal = appErrorFrom(() => saveArticle(writer, story.id, { ...storyFields('Ferry fares soar'), version: submitted.version }));
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.message).toMatch(/with the copy desk/);
    expect(saveArticle(copyEditor, story.id, { ...storyFields('Ferry fares soar'), version: submitted.version }).status).toBe('in_review');
  });

  it('refuse a writer who is not the copy desk, with the reason, and change nothing', () => {
    const story = writtenStory(writer, 'Bridge closes', at(0));
    const submitted = submitArticle(writer, story.id, { version: story.version }, at(1));
    const approve = appErrorFrom(() => approveArticle(writer, story.id, { version: submitted.version }));
    expect([approve.code, approve.message]).toEqual(['FORBIDDEN', 'Only the copy desk can approve an article.']);
    const back = appErrorFrom(() => returnArticle(writer, story.id, { version: submitted.version, note: 'x' }));
    expect(back.code).toBe('FORBIDDEN');
    // Someone else's draft is not theirs to see, let alone submit.
    const other = writtenStory(otherWriter, 'Not yours', at(0));
    expect(appErrorFrom(() => submitArticle(writer, other.id, { version: other.version })).code).toBe('NOT_FOUND');
    expect(articleRow(story.id)?.status).toBe('in_review');
  });

  it('refuse a step the status does not allow, saying why', () => {
    const story = writtenStory(writer, 'Tram line opens', at(0));
    const early = appErrorFrom(() => approveArticle(copyEditor, story.id, { version: story.version }));
    expect([early.code, early.message]).toEqual(['CONFLICT', 'Only an article in review can be approved.']);
    const submitted = submitArticle(writer, story.id, { version: story.version });
    const twice = appErrorFrom(() => submitArticle(writer, story.id, { version: submitted.version }));
    expect([twice.code, twice.message]).toEqual(['CONFLICT', 'This article is already with the copy desk.']);
  });

  it('refuse a stale version with the current state, as a stale save is', () => {
    const story = writtenStory(writer, 'Dock strike', at(0));
    const submitted = submitArticle(writer, story.id, { version: story.version });
    saveArticle(copyEditor, story.id, { ...storyFields('Dock strike ends'), version: submitted.version });
    const stale = appErrorFrom(() => approveArticle(copyEditor, story.id, { version: submitted.version }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/after you opened it/);
    expect((stale.details.current as { headline: string }).headline).toBe('Dock strike ends');
    expect(getArticle(copyEditor, story.id).status).toBe('in_review');
  });

  it('will not return an article without a note for the writer', () => {
    const story = writtenStory(writer, 'Market hall', at(0));
    const submitted = submitArticle(writer, story.id, { version: story.version });
    const silent = appErrorFrom(() => returnArticle(copyEditor, story.id, { version: submitted.version, note: '  ' }));
    expect(silent.code).toBe('INVALID');
    expect(silent.details.fields).toEqual({ note: ['Tell the writer what to change.'] });
  });
});
