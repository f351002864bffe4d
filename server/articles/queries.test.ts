import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { plainTextToDoc } from '@/lib/article-body';
import type { ArticleStatus } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import type { DeskListQuery } from '@/lib/validation/article';
import { appErrorFrom } from '@/tests/app-error';
import { makeUser } from '@/tests/factories';
import { createArticle } from './create-article';
import { getArticle, listDeskArticles } from './queries';
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

/** Follows nextCursor to the end, returning the pages' headlines. */
function allPages(user: SessionUser, query: Omit<DeskListQuery, 'cursor'>, pageSize: number): string[][] {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = listDeskArticles(user, { ...query, cursor }, pageSize);
    pages.push(page.items.map((item) => item.headline));
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 20) throw new Error('pagination does not end');
  } while (cursor);
  return pages;
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

describe('listDeskArticles', () => {
  it('shows the copy desk everything, newest edit first, ties newest id first', () => {
    const { items, nextCursor } = listDeskArticles(copyEditor, {});
    expect(items.map((i) => i.headline)).toEqual(['O published', 'O review', 'O draft', 'W review', 'W draft']);
    expect(nextCursor).toBeNull();
    expect(items[0]).toEqual({
      id: ids['O published'],
      headline: 'O published',
      status: 'published',
      live: false,
      scheduledFor: null,
      scheduleFailure: null,
      authorName: 'Oscar Other',
      lastEditedAt: at(4).toISOString(),
    });
  });

  it('shows a writer their own articles and others’ once out of draft, never others’ drafts', () => {
    expect(listDeskArticles(writer, {}).items.map((i) => i.headline)).toEqual(['O published', 'O review', 'W review', 'W draft']);
    expect(listDeskArticles(otherWriter, {}).items.map((i) => i.headline)).toEqual([
      'O published',
      'O review',
      'O draft',
      'W review',
    ]);
  });

  it('filters by status within what the person may see', () => {
    expect(listDeskArticles(writer, { status: 'in_review' }).items.map((i) => i.headline)).toEqual(['O review', 'W review']);
    expect(listDeskArticles(writer, { status: 'draft' }).items.map((i) => i.headline)).toEqual(['W draft']);
    expect(listDeskArticles(copyEditor, { status: 'draft' }).items.map((i) => i.headline)).toEqual(['O draft', 'W draft']);
    expect(listDeskArticles(copyEditor, { status: 'withdrawn' })).toEqual({ items: [], nextCursor: null });
  });

  it('pages with a cursor: every article once, in order, with no gaps', () => {
    expect(allPages(copyEditor, {}, 2)).toEqual([['O published', 'O review'], ['O draft', 'W review'], ['W draft']]);
    expect(allPages(writer, {}, 2)).toEqual([['O published', 'O review'], ['W review', 'W draft']]);
    expect(allPages(copyEditor, { status: 'draft' }, 1)).toEqual([['O draft'], ['W draft']]);
    // An exact fit ends without an empty extra page.
    expect(allPages(copyEditor, {}, 5)).toEqual([['O published', 'O review', 'O draft', 'W review', 'W draft']]);
  });

  it('keeps later pages stable when an article is edited between page loads', () => {
    const first = listDeskArticles(copyEditor, {}, 2);
    expect(first.items.map((i) => i.headline)).toEqual(['O published', 'O review']);
    // 'W draft' jumps to the top; the next page still continues where the first one stopped.
    saveArticle(copyEditor, ids['W draft'] as number, {
      version: 2,
      headline: 'W draft',
      standfirst: 'now with a standfirst',
      datelinePlace: '',
      datelineSource: '',
      byline: '',
    leadPhoto: null,
      body: plainTextToDoc(''),
    }, at(10));
    const second = listDeskArticles(copyEditor, { cursor: first.nextCursor ?? undefined }, 2);
    expect(second.items.map((i) => i.headline)).toEqual(['O draft', 'W review']);
    expect(second.nextCursor).toBeNull();
    // Put the order back for the other tests.
    getDb().update(articles).set({ lastEditedAt: at(1) }).where(eq(articles.id, ids['W draft'] as number)).run();
  });

  it('refuses a broken cursor with INVALID', () => {
    for (const cursor of ['not a cursor', '%%%', Buffer.from('123.abc').toString('base64url'), Buffer.from('1.2.3').toString('base64url')]) {
      const error = appErrorFrom(() => listDeskArticles(copyEditor, { cursor }));
      expect(error.code).toBe('INVALID');
      expect(error.status).toBe(400);
    }
  });
});

describe('getArticle', () => {
  it('hides another writer’s draft as NOT_FOUND, but shows their submitted work', () => {
    expect(appErrorFrom(() => getArticle(writer, ids['O draft'] as number)).code).toBe('NOT_FOUND');
    expect(getArticle(writer, ids['O review'] as number)).toMatchObject({ headline: 'O review', authorName: 'Oscar Other' });
    expect(getArticle(copyEditor, ids['O draft'] as number).headline).toBe('O draft');
    expect(appErrorFrom(() => getArticle(copyEditor, 999_999)).code).toBe('NOT_FOUND');
  });
});
