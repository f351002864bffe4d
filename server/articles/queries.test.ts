import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { plainTextToDoc } from '@/lib/article-body';
import type { ArticleStatus } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser } from '@/tests/factories';
import { createArticle } from './create-article';
import { getArticle } from './queries';
import { saveArticle } from './save-article';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let otherWriter: SessionUser;
let copyEditor: SessionUser;
const ids: Record<string, number> = {};

/** An article with a headline (saved by the desk at `minutes`) and a status. */
function story(author: SessionUser, headline: string, status: ArticleStatus, minutes: number): number {
  const { id } = createArticle(author, at(minutes));
  saveArticle(copyEditor, id, {
    version: 1,
    headline,
    standfirst: '',
    datelinePlace: '',
    datelineSource: '',
    byline: author.name,
    leadPhoto: null,
    body: plainTextToDoc(''),
  }, at(minutes));
  getDb().update(articles).set({ status }).where(eq(articles.id, id)).run();
  return id;
}

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  copyEditor = await makeUser('copy_editor', 'Cora Copy');
  ids['W draft'] = story(writer, 'W draft', 'draft', 1);
  ids['W review'] = story(writer, 'W review', 'in_review', 2);
  // Two edits in the same millisecond: the id breaks the tie, and a page boundary falls between them.
  ids['O draft'] = story(otherWriter, 'O draft', 'draft', 3);
  ids['O review'] = story(otherWriter, 'O review', 'in_review', 3);
  ids['O published'] = story(otherWriter, 'O published', 'published', 4);
});

describe('getArticle', () => {
  it('hides another writer’s draft as NOT_FOUND, but shows their submitted work', () => {
    expect(appErrorFrom(() => getArticle(writer, ids['O draft'] as number)).code).toBe('NOT_FOUND');
    expect(getArticle(writer, ids['O review'] as number)).toMatchObject({ headline: 'O review', authorName: 'Oscar Other' });
    expect(getArticle(copyEditor, ids['O draft'] as number).headline).toBe('O draft');
    expect(appErrorFrom(() => getArticle(copyEditor, 999_999)).code).toBe('NOT_FOUND');
  });
});
