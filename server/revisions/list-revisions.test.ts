import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/session-user';
import { createArticle } from '@/server/articles/create-article';
import { saveArticle } from '@/server/articles/save-article';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser, storyFields } from '@/tests/factories';
import { listHistory } from './list-revisions';
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

/** Autosaves by `who`, each far enough apart not to fold into one revision: one revision each. */
function autosaves(who: SessionUser, id: number, version: number, minutes: number[]): number {
  for (const minute of minutes) {
    saveArticle(who, id, { ...storyFields(`At ${minute}`), version, mode: 'autosave' }, at(minute));
    version += 1;
  }
  return version;
}

describe('listHistory', () => {
  it('lists the whole history newest first, with kind, label, author, time and note', () => {
    const { id } = createArticle(writer, T0);
    saveArticle(writer, id, { ...storyFields('Auto', 'First words.'), version: 1, mode: 'autosave' }, at(1));
    // Folds into revision 2: the history shows it once.
    saveArticle(writer, id, { ...storyFields('Auto again', 'First words.\nMore.'), version: 2, mode: 'autosave' }, at(2));
    saveArticle(copyEditor, id, { ...storyFields('Desk'), version: 3 }, at(3));
    saveArticle(writer, id, { ...storyFields('Mine'), version: 4, mode: 'keep_mine' }, at(5));

    const entry = (number: number, kind: string, label: string, authorName: string, minute: number, changeNote: string | null) => ({
      number,
      firstNumber: number,
      count: 1,
      kind,
      label,
      authorName,
      coAuthorNames: [],
      createdAt: at(minute).toISOString(),
      firstCreatedAt: at(minute).toISOString(),
      changeNote,
      publicNote: null,
      live: false,
      working: number === 4,
    });
    expect(listHistory(writer, id)).toEqual({
      entries: [
        entry(4, 'save', 'Saved', 'Wendy Writer', 5, 'Kept over a conflicting version'),
        entry(3, 'save', 'Saved', 'Cora Copy', 3, null),
        entry(2, 'autosave', 'Autosaved', 'Wendy Writer', 1, null),
        entry(1, 'create', 'Created', 'Wendy Writer', 0, null),
      ],
      nextCursor: null,
    });
  });

  it('shows one person’s consecutive autosaves as one entry, but not across another person’s', () => {
    const { id } = createArticle(writer, T0);
    let version = autosaves(writer, id, 1, [10, 20, 30]);
    version = autosaves(copyEditor, id, version, [40]);
    autosaves(writer, id, version, [50, 60]);

    const { entries } = listHistory(writer, id);
    expect(entries.map((e) => [e.firstNumber, e.number, e.count, e.authorName])).toEqual([
      [6, 7, 2, 'Wendy Writer'],
      [5, 5, 1, 'Cora Copy'],
      [2, 4, 3, 'Wendy Writer'],
      [1, 1, 1, 'Wendy Writer'],
    ]);
    expect(entries[0]).toMatchObject({ createdAt: at(60).toISOString(), firstCreatedAt: at(50).toISOString() });
  });

  it('pages through a long history without cutting a run of autosaves at a page’s end', () => {
    const { id } = createArticle(writer, T0);
    let version = 1;
    for (let i = 0; i < 4; i++) {
      saveArticle(writer, id, { ...storyFields(`Save ${i}`), version }, at(i * 100));
      version = autosaves(writer, id, version + 1, [i * 100 + 10, i * 100 + 20]);
    }
    // 13 revisions: create, then four times a save and a run of two autosaves; 9 entries.
    const first = listHistory(writer, id, undefined, 4);
    expect(first.entries.map((e) => [e.firstNumber, e.number])).toEqual([[12, 13], [11, 11], [9, 10], [8, 8]]);
    const second = listHistory(writer, id, first.nextCursor ?? undefined, 4);
    expect(second.entries.map((e) => [e.firstNumber, e.number])).toEqual([[6, 7], [5, 5], [3, 4], [2, 2]]);
    const last = listHistory(writer, id, second.nextCursor ?? undefined, 4);
    expect(last).toEqual({ entries: [expect.objectContaining({ number: 1 })], nextCursor: null });
  });

  it('lists only the asked article’s revisions', () => {
    const a = createArticle(writer, T0);
    const b = createArticle(writer, T0);
    saveArticle(writer, b.id, { ...storyFields('Other story'), version: 1 }, at(1));
    expect(listHistory(writer, a.id).entries.map((e) => e.number)).toEqual([1]);
    expect(listHistory(writer, b.id).entries.map((e) => e.kind)).toEqual(['save', 'create']);
  });

  it('shows a draft’s history to its writer and the copy desk, but NOT_FOUND to another writer', () => {
    const { id } = createArticle(writer, T0);
    expect(listHistory(writer, id).entries).toHaveLength(1);
    expect(listHistory(copyEditor, id).entries).toHaveLength(1);
    expect(listHistory(admin, id).entries).toHaveLength(1);
    const error = appErrorFrom(() => listHistory(otherWriter, id));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.status).toBe(404);
  });

  it('shows a submitted article’s history to any writer, since they may see it', () => {
    const { id } = createArticle(writer, T0);
    setStatus(id, 'in_review');
    expect(listHistory(otherWriter, id).entries.map((e) => e.kind)).toEqual(['create']);
  });

  it('answers NOT_FOUND for an article that does not exist', () => {
    expect(appErrorFrom(() => listHistory(copyEditor, 999_999)).code).toBe('NOT_FOUND');
  });
});
