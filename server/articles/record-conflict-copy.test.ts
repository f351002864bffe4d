import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, plainTextToDoc } from '@/lib/article-body';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields } from '@/tests/factories';
import { createArticle } from './create-article';
import { claimEditLock } from './edit-lock';
import { getArticle } from './queries';
import { recordConflictCopy } from './record-conflict-copy';
import { saveArticle } from './save-article';
import { articleRow, revisionsOf, setStatus } from '@/tests/article-rows';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let otherWriter: SessionUser;
let copyEditor: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  copyEditor = await makeUser('copy_editor', 'Cora Copy');
});

describe('recordConflictCopy', () => {
  it('appends the writer’s text as a “Conflict copy” revision, leaving the working copy and version alone', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(copyEditor, id, { ...storyFields('Desk version'), version: 1 }, at(1));
    const before = { article: articleRow(id), view: getArticle(writer, id) };

    const result = recordConflictCopy(writer, id, storyFields('Writer’s lost text', 'Para one.\n\nPara two.'), at(2));
    expect(result).toEqual({ revisionNumber: 3 });

    expect(revisionsOf(id).at(-1)).toMatchObject({
      number: 3,
      kind: 'save',
      authorId: writer.id,
      createdAt: at(2),
      changeNote: 'Conflict copy',
      headline: 'Writer’s lost text',
      standfirst: 'About Writer’s lost text',
      datelinePlace: 'LONDON',
      datelineSource: 'Reuters',
      byline: 'By The Desk',
      body: plainTextToDoc('Para one.\n\nPara two.'),
      bodyText: 'Para one.\n\nPara two.',
    });
    // Neither workingRevisionId, version, nor who edited last moves.
    expect(articleRow(id)).toEqual(before.article);
    expect(getArticle(writer, id)).toEqual(before.view);
  });

  it('audits the copy as article.conflict_copy with its revision number', () => {
    const { id } = createArticle(writer, T0);
    recordConflictCopy(writer, id, storyFields('Copy'), at(1));
    expect(auditEntries({ action: 'article.conflict_copy', targetId: id })).toEqual([
      { actorId: writer.id, action: 'article.conflict_copy', targetType: 'article', targetId: String(id), details: { revision: 2 } },
    ]);
    expect(auditEntries({ action: 'article.save', targetId: id })).toEqual([]);
  });

  it('does not disturb whoever is editing: their next save still applies, numbered after the copy', () => {
    const { id } = createArticle(writer, T0);
    claimEditLock(copyEditor, id, {}, at(1));
    // The copy is allowed even while someone else holds the lock, and leaves their lock as it was.
    recordConflictCopy(writer, id, storyFields('Writer’s copy'), at(1));
    expect(articleRow(id)).toMatchObject({ lockedBy: copyEditor.id, lockHeartbeatAt: at(1) });

    const saved = saveArticle(copyEditor, id, { ...storyFields('Desk carries on'), version: 1 }, at(1));
    expect(saved).toMatchObject({ version: 2, revisionNumber: 3, headline: 'Desk carries on' });
    expect(revisionsOf(id).map((r) => [r.number, r.changeNote])).toEqual([
      [1, null],
      [2, 'Conflict copy'],
      [3, null],
    ]);
  });

  it('numbers several copies one after another', () => {
    const { id } = createArticle(writer, T0);
    expect(recordConflictCopy(writer, id, storyFields('One'), at(1)).revisionNumber).toBe(2);
    expect(recordConflictCopy(copyEditor, id, storyFields('Two'), at(2)).revisionNumber).toBe(3);
    expect(articleRow(id)?.version).toBe(1);
  });

  it('refuses someone who may not see (NOT_FOUND) or may not edit (FORBIDDEN) the article, writing nothing', () => {
    const { id } = createArticle(writer, T0);
    expect(appErrorFrom(() => recordConflictCopy(otherWriter, id, storyFields('Hijack'), at(1))).code).toBe('NOT_FOUND');
    expect(appErrorFrom(() => recordConflictCopy(copyEditor, 999_999, storyFields('Ghost'), at(1))).code).toBe('NOT_FOUND');

    setStatus(id, 'in_review');
    expect(appErrorFrom(() => recordConflictCopy(otherWriter, id, storyFields('Hijack'), at(1))).code).toBe('FORBIDDEN');
    expect(appErrorFrom(() => recordConflictCopy(writer, id, storyFields('Too late'), at(1))).code).toBe('FORBIDDEN');

    expect(revisionsOf(id)).toHaveLength(1);
    expect(auditEntries({ action: 'article.conflict_copy', targetId: id })).toEqual([]);
  });

  it('refuses a body over 1 MB with TOO_LARGE, writing nothing', () => {
    const { id } = createArticle(writer, T0);
    const error = appErrorFrom(() => recordConflictCopy(writer, id, storyFields('Epic', 'x'.repeat(MAX_BODY_BYTES)), at(1)));
    expect(error.code).toBe('TOO_LARGE');
    expect(revisionsOf(id)).toHaveLength(1);
  });
});
