import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { createArticle } from '@/server/articles/create-article';
import { recordConflictCopy } from '@/server/articles/record-conflict-copy';
import { saveArticle } from '@/server/articles/save-article';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser, storyFields } from '@/tests/factories';
import { listRevisions } from './list-revisions';
import { setStatus } from '@/tests/article-rows';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let otherWriter: SessionUser;
let copyEditor: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  copyEditor = await makeUser('copy_editor', 'Cora Copy');
  admin = await makeUser('admin', 'Ada Admin');
});

describe('listRevisions', () => {
  it('lists the whole history newest first, with author, kind, note, headline and plain text', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, { ...storyFields('Auto', 'First words.'), version: 1, mode: 'autosave' }, at(1));
    // Folds into revision 2: the history shows it once, with the latest text.
    saveArticle(writer, id, { ...storyFields('Auto again', 'First words.\nMore.'), version: 2, mode: 'autosave' }, at(2));
    saveArticle(copyEditor, id, { ...storyFields('Desk'), version: 3 }, at(3));
    recordConflictCopy(writer, id, storyFields('Writer’s copy'), at(4));
    saveArticle(writer, id, { ...storyFields('Mine'), version: 4, mode: 'keep_mine' }, at(5));

    expect(listRevisions(writer, id)).toEqual([
      { number: 5, kind: 'save', authorName: 'Wendy Writer', createdAt: at(5).toISOString(), changeNote: 'Kept over a conflicting version', headline: 'Mine', bodyText: 'Mine, the story.' },
      { number: 4, kind: 'save', authorName: 'Wendy Writer', createdAt: at(4).toISOString(), changeNote: 'Conflict copy', headline: 'Writer’s copy', bodyText: 'Writer’s copy, the story.' },
      { number: 3, kind: 'save', authorName: 'Cora Copy', createdAt: at(3).toISOString(), changeNote: null, headline: 'Desk', bodyText: 'Desk, the story.' },
      { number: 2, kind: 'autosave', authorName: 'Wendy Writer', createdAt: at(1).toISOString(), changeNote: null, headline: 'Auto again', bodyText: 'First words.\nMore.' },
      { number: 1, kind: 'create', authorName: 'Wendy Writer', createdAt: T0.toISOString(), changeNote: null, headline: '', bodyText: '' },
    ]);
  });

  it('lists only the asked article’s revisions', () => {
    const a = createArticle(writer, T0);
    const b = createArticle(writer, T0);
    saveArticle(writer, b.id, { ...storyFields('Other story'), version: 1 }, at(1));
    expect(listRevisions(writer, a.id).map((r) => r.number)).toEqual([1]);
    expect(listRevisions(writer, b.id).map((r) => r.headline)).toEqual(['Other story', '']);
  });

  it('shows a draft’s history to its writer and the copy desk, but NOT_FOUND to another writer', () => {
    const { id } = createArticle(writer, T0);
    expect(listRevisions(writer, id)).toHaveLength(1);
    expect(listRevisions(copyEditor, id)).toHaveLength(1);
    expect(listRevisions(admin, id)).toHaveLength(1);
    const error = appErrorFrom(() => listRevisions(otherWriter, id));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.status).toBe(404);
  });

  it('shows a submitted article’s history to any writer, since they may see it', () => {
    const { id } = createArticle(writer, T0);
    setStatus(id, 'in_review');
    expect(listRevisions(otherWriter, id).map((r) => r.kind)).toEqual(['create']);
  });

  it('answers NOT_FOUND for an article that does not exist', () => {
    expect(appErrorFrom(() => listRevisions(copyEditor, 999_999)).code).toBe('NOT_FOUND');
  });
});
