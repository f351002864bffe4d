import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articles, authors, articleAuthors, articleTags, revisions, sections, tags } from '@/db/schema';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '@/lib/search/highlight';
import type { SessionUser } from '@/lib/session-user';
import type { ArticleSearchQuery } from '@/lib/validation/article-search';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { restoreRevision } from '@/server/revisions/restore-revision';
import { updatePhoto } from '@/server/photos/update-photo';
import { appErrorFrom } from '@/tests/app-error';
import { articleRow, setStatus } from '@/tests/article-rows';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { uploadDistinctPhoto } from '@/tests/photos-fixtures';
import { searchArticles } from './search-articles';

// A newsroom east of UTC, so a day in its calendar is not UTC's. Read when the environment is first parsed.
process.env.NEWSROOM_TIMEZONE = 'Europe/Moscow';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let writer: SessionUser;
let otherWriter: SessionUser;
let desk: SessionUser;

const search = (user: SessionUser, query: ArticleSearchQuery, pageSize?: number) => searchArticles(user, query, pageSize);
const headlines = (query: ArticleSearchQuery, user = desk) => search(user, query).items.map((item) => item.headline);

/** Follows nextCursor to the end, returning the pages' headlines. */
function allPages(user: SessionUser, query: Omit<ArticleSearchQuery, 'cursor'>, pageSize: number): string[][] {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = search(user, { ...query, cursor }, pageSize);
    pages.push(page.items.map((item) => item.headline));
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 20) throw new Error('pagination does not end');
  } while (cursor);
  return pages;
}

function story(author: SessionUser, headline: string, body: string, minutes: number): number {
  return writtenStory(author, headline, at(minutes), body).id;
}

const setArticle = (id: number, values: Partial<typeof articles.$inferInsert>) => getDb().update(articles).set(values).where(eq(articles.id, id)).run();

beforeAll(async () => {
  writer = await makeUser('editor', 'Wendy Writer');
  otherWriter = await makeUser('editor', 'Oscar Other');
  desk = await makeUser('copy_editor', 'Cora Copy');
});

describe('searchArticles without words: the desk list', () => {
  const ids: Record<string, number> = {};
  // The listing tests filter by their own credited author, so other tests' stories stay out of them.
  const list = { author: 'list-author' } as const;

  beforeAll(() => {
    const credit = getDb().insert(authors).values({ name: 'List Author', slug: 'list-author' }).returning().get();
    const add = (who: SessionUser, headline: string, status: 'draft' | 'in_review' | 'published', minutes: number) => {
      const id = story(who, headline, 'Listing text.', minutes);
      setStatus(id, status);
      getDb().insert(articleAuthors).values({ articleId: id, authorId: credit.id, position: 0 }).run();
      ids[headline] = id;
    };
    add(writer, 'W draft', 'draft', 1);
    add(writer, 'W review', 'in_review', 2);
    // Two edits in the same millisecond: the id breaks the tie, and a page boundary falls between them.
    add(otherWriter, 'O draft', 'draft', 3);
    add(otherWriter, 'O review', 'in_review', 3);
    add(otherWriter, 'O published', 'published', 4);
  });

  it('shows the copy desk everything, newest edit first, ties newest id first', () => {
    const page = search(desk, list);
    expect(page.items.map((i) => i.headline)).toEqual(['O published', 'O review', 'O draft', 'W review', 'W draft']);
    expect(page).toMatchObject({ nextCursor: null, sort: 'updated', total: { count: 5, more: false } });
    expect(page.items[0]).toEqual({
      id: ids['O published'],
      headline: 'O published',
      status: 'published',
      live: false,
      scheduledFor: null,
      scheduleFailure: null,
      authorName: 'List Author',
      sectionName: null,
      lastEditedAt: at(4).toISOString(),
      firstPublishedAt: null,
      match: null,
    });
  });

  it('shows a writer their own articles and others’ once out of draft, never others’ drafts', () => {
    expect(headlines(list, writer)).toEqual(['O published', 'O review', 'W review', 'W draft']);
    expect(headlines(list, otherWriter)).toEqual(['O published', 'O review', 'O draft', 'W review']);
  });

  it('filters by status within what the person may see', () => {
    expect(headlines({ ...list, status: 'in_review' }, writer)).toEqual(['O review', 'W review']);
    expect(headlines({ ...list, status: 'draft' }, writer)).toEqual(['W draft']);
    expect(headlines({ ...list, status: 'draft' })).toEqual(['O draft', 'W draft']);
    expect(search(desk, { ...list, status: 'withdrawn' })).toMatchObject({ items: [], nextCursor: null, total: { count: 0 } });
  });

  it('pages with a cursor: every article once, in order, with no gaps', () => {
    expect(allPages(desk, list, 2)).toEqual([['O published', 'O review'], ['O draft', 'W review'], ['W draft']]);
    expect(allPages(writer, list, 2)).toEqual([['O published', 'O review'], ['W review', 'W draft']]);
    // An exact fit ends without an empty extra page.
    expect(allPages(desk, list, 5)).toEqual([['O published', 'O review', 'O draft', 'W review', 'W draft']]);
  });

  it('keeps later pages stable when an article is edited between page loads', () => {
    const first = search(desk, list, 2);
    const wDraft = ids['W draft'] as number;
    saveArticle(desk, wDraft, { ...storyFields('W draft', 'Listing text, edited.'), version: articleRow(wDraft)!.version }, at(10));
    const second = search(desk, { ...list, cursor: first.nextCursor ?? undefined }, 2);
    expect(second.items.map((i) => i.headline)).toEqual(['O draft', 'W review']);
    setArticle(wDraft, { lastEditedAt: at(1) });
  });

  it('orders by first publication, never-published last, and pages through both', () => {
    setArticle(ids['W review'] as number, { firstPublishedAt: at(50) });
    setArticle(ids['O review'] as number, { firstPublishedAt: at(40) });
    expect(allPages(desk, { ...list, sort: 'published' }, 2)).toEqual([['W review', 'O review'], ['O published', 'O draft'], ['W draft']]);
    setArticle(ids['W review'] as number, { firstPublishedAt: null });
    setArticle(ids['O review'] as number, { firstPublishedAt: null });
  });

  it('refuses a broken cursor, or one from another order, with INVALID', () => {
    const relevanceCursor = search(desk, { q: 'listing', ...list }, 1).nextCursor ?? undefined;
    for (const cursor of ['not a cursor', '%%%', Buffer.from('123.abc').toString('base64url'), relevanceCursor]) {
      const error = appErrorFrom(() => search(desk, { ...list, cursor }));
      expect(error.code).toBe('INVALID');
      expect(error.status).toBe(400);
    }
  });
});

describe('searchArticles with words', () => {
  let gerasimov: number;
  let rally: number;
  let riverBank: number;
  let bankOfRiver: number;

  beforeAll(() => {
    gerasimov = story(writer, 'Talks in the capital', 'General Gerasimov met the delegation for talks.', 20);
    rally = story(writer, 'Митинг в центре', 'Митинг на Дворцовой площади собрал тысячи людей.', 21);
    riverBank = story(writer, 'Flood warning', 'The river bank gave way at dawn.', 22);
    bankOfRiver = story(writer, 'Bank closes', 'The bank of the river branch closed.', 23);
    story(writer, 'Quillwort found again', 'A botanist reports the plant.', 24);
    story(writer, 'Botany notes', 'Among the finds: quillwort, sedge and moss.', 25);
  });

  const found = (q: string, user = desk) => search(user, { q }).items.map((item) => item.id).sort((a, b) => a - b);

  it('folds case and accents: Gerasimov, gerasimov and Gérasimov find the same story', () => {
    for (const q of ['Gerasimov', 'gerasimov', 'Gérasimov', 'GERASIMOV ']) expect(found(q), q).toEqual([gerasimov]);
  });

  it('finds Cyrillic words in any case', () => {
    expect(found('митинг')).toEqual([rally]);
    expect(found('ДВОРЦОВОЙ площади')).toEqual([rally]);
  });

  it('matches the word being typed as a prefix, a finished one exactly', () => {
    expect(found('gerasi')).toEqual([gerasimov]);
    expect(found('gerasi ')).toEqual([]);
    expect(found('дворц')).toEqual([rally]);
  });

  it('matches "exact phrases" only in their order', () => {
    expect(found('"river bank"')).toEqual([riverBank]);
    expect(found('river bank ')).toEqual([riverBank, bankOfRiver]);
  });

  it('leaves out -excluded words, also when the search is nothing else', () => {
    expect(found('river -dawn')).toEqual([bankOfRiver]);
    expect(found('river -"river bank"')).toEqual([bankOfRiver]);
    const allButRiver = found('-river');
    expect(allButRiver).toContain(gerasimov);
    expect(allButRiver).not.toContain(riverBank);
    expect(allButRiver).not.toContain(bankOfRiver);
  });

  it('ranks a headline match above a body match by default, and by time when asked', () => {
    const page = search(desk, { q: 'quillwort' });
    expect(page.sort).toBe('relevance');
    expect(page.items.map((item) => item.headline)).toEqual(['Quillwort found again', 'Botany notes']);
    expect(headlines({ q: 'quillwort', sort: 'updated' })).toEqual(['Botany notes', 'Quillwort found again']);
    expect(page.total).toEqual({ count: 2, more: false });
  });

  it('marks the matched words in the headline and the best passage, as plain text', () => {
    const [hit] = search(desk, { q: 'gerasimov' }).items;
    expect(hit?.match).toEqual({ headline: 'Talks in the capital', snippet: `General ${S}Gerasimov${E} met the delegation for talks.` });
    const [head] = search(desk, { q: 'quillwort found' }).items;
    expect(head?.match?.headline).toBe(`${S}Quillwort${E} ${S}found${E} again`);
  });

  it('pages through relevance without repeating or skipping a story', () => {
    const ids = [story(writer, 'Sedgemoor one', 'sedgemoor', 30), story(writer, 'Sedgemoor two', 'sedgemoor', 31)];
    ids.push(story(writer, 'Sedgemoor three', 'sedgemoor sedgemoor', 32));
    const pages = allPages(desk, { q: 'sedgemoor' }, 1);
    expect(pages).toHaveLength(3);
    expect(pages.flat().sort()).toEqual(['Sedgemoor one', 'Sedgemoor three', 'Sedgemoor two']);
    expect(allPages(desk, { q: 'sedgemoor', sort: 'updated' }, 2)).toEqual([['Sedgemoor three', 'Sedgemoor two'], ['Sedgemoor one']]);
  });

  it('finds the same stories in a time order whether the words count as common or rare', () => {
    for (const query of [{ q: 'sedgemoor', sort: 'updated' as const }, { q: 'sedgemoor', sort: 'published' as const }, { q: 'sedgemoor -three', sort: 'updated' as const }]) {
      const rare = searchArticles(desk, query, 2);
      const common = searchArticles(desk, query, 2, 1);
      expect(common.items.map((item) => item.id)).toEqual(rare.items.map((item) => item.id));
      expect(common.total).toEqual(rare.total);
      expect(searchArticles(desk, { ...query, cursor: common.nextCursor ?? undefined }, 2, 1).items.map((item) => item.id)).toEqual(
        searchArticles(desk, { ...query, cursor: rare.nextCursor ?? undefined }, 2).items.map((item) => item.id),
      );
    }
  });

  it('never shows a writer another writer’s draft, whatever they search', () => {
    const secret = story(otherWriter, 'Embargoed scoop', 'Zorblax merger agreed.', 40);
    expect(found('zorblax', writer)).toEqual([]);
    expect(found('embargoed scoop', writer)).toEqual([]);
    expect(found('-nothingatall', writer)).not.toContain(secret);
    expect(found('zorblax', otherWriter)).toEqual([secret]);
    expect(found('zorblax', desk)).toEqual([secret]);
    setStatus(secret, 'in_review');
    expect(found('zorblax', writer)).toEqual([secret]);
  });

  it('finds a save at once, by its new words and not its old ones', () => {
    const id = story(writer, 'Harbour works', 'Cranes arrive on Monday.', 41);
    expect(found('dredger')).toEqual([]);
    saveArticle(writer, id, { ...storyFields('Harbour works', 'A dredger arrives on Tuesday.'), version: articleRow(id)!.version }, at(42));
    expect(found('dredger')).toEqual([id]);
    expect(found('cranes')).toEqual([]);
  });

  it('keeps the words through a publish, which snapshots the same text, and follows a restore', () => {
    const id = story(writer, 'Ferry timetable', 'The ferry leaves the quayside.', 45);
    const saved = saveArticle(writer, id, { ...storyFields('Ferry timetable', 'The hovercraft sails at noon.'), version: articleRow(id)!.version }, at(46));
    const live = publishArticle(desk, id, { version: saved.version }, at(47));
    expect(found('hovercraft')).toEqual([id]);
    restoreRevision(desk, id, saved.revisionNumber - 1, { version: live.version, fields: ['body'] }, at(48));
    expect(found('quayside')).toEqual([id]);
    expect(found('hovercraft')).toEqual([]);
  });

  it('finds a story by its photo’s library credit as soon as the library changes it', async () => {
    const { photo } = await uploadDistinctPhoto(desk);
    const id = story(writer, 'Photo story', 'Words.', 43);
    saveArticle(writer, id, { ...storyFields('Photo story', 'Words.'), leadPhoto: { photoId: photo.id, caption: null, credit: null }, version: articleRow(id)!.version }, at(44));
    expect(found('zenithpress')).toEqual([]);
    expect(search(desk, { q: 'photo story', uncredited: '1' }).items.map((item) => item.id)).toEqual([id]);

    updatePhoto(desk, photo.id, { ...photo, rightsUrl: '', agency: 'Zenithpress' });
    expect(found('zenithpress')).toEqual([id]);
    expect(search(desk, { q: 'photo story', uncredited: '1' }).items).toEqual([]);
  });

  it.each([
    '"', '""', '"unclosed phrase', 'AND', 'OR', 'NOT', 'NEAR', 'NEAR(a b, 3)', 'a AND OR b', '*', '**', 'gera*', '^start',
    ':', 'headline:gerasimov', 'body : x', '{headline body}:x', '(', ')', '((a)', 'a) OR (b', '-', '--', '- -x', '-"', '-""',
    "'", "'; DROP TABLE articles; --", '1=1 OR', '\\', '\u0000', 'a\u0000b', '😀', '👩‍👩‍👧 family', '\ud800', '<script>alert(1)</script>',
    'x'.repeat(10_000), 'word '.repeat(2_000), '"'.repeat(999), 'NEAR/3', '+', 'a+b', 'rank', 'bm25(', '%', '_',
  ])('searches %j as text without an error', (q) => {
    for (const sort of [undefined, 'relevance', 'updated', 'published'] as const) {
      expect(() => search(desk, { q, sort })).not.toThrow();
    }
  });

  it('finds operator words as the words themselves', () => {
    const id = story(writer, 'Grammar corner', 'Never start a sentence with AND or NEAR the end.', 45);
    expect(found('and or near ')).toEqual(expect.arrayContaining([id]));
    expect(found('"with AND or NEAR"')).toEqual([id]);
  });
});

describe('searchArticles filters', () => {
  const base = { q: 'marshwort' };
  let politics: number;
  let sport: number;
  let draft: number;

  beforeAll(() => {
    const db = getDb();
    const section = db.insert(sections).values({ name: 'Politics', slug: 'politics' }).returning().get();
    const tag = db.insert(tags).values({ name: 'Elections', slug: 'elections' }).returning().get();
    const author = db.insert(authors).values({ name: 'Ada Reporter', slug: 'ada-reporter' }).returning().get();

    politics = story(writer, 'Marshwort in parliament', 'Marshwort debate.', 60);
    sport = story(writer, 'Marshwort cup', 'Marshwort final.', 61);
    draft = story(writer, 'Marshwort draft', 'Marshwort notes.', 62);
    setStatus(politics, 'published');
    setStatus(sport, 'published');
    // 23:30 on 3 March and 00:30 on 4 March in Moscow; both on 3 March in UTC.
    setArticle(politics, { sectionId: section.id, firstPublishedAt: new Date('2026-03-03T20:30:00Z') });
    setArticle(sport, { firstPublishedAt: new Date('2026-03-03T21:30:00Z') });
    db.insert(articleTags).values({ articleId: politics, tagId: tag.id, position: 0 }).run();
    db.insert(articleAuthors).values({ articleId: sport, authorId: author.id, position: 0 }).run();
    const working = articleRow(sport)!.workingRevisionId!;
    db.update(revisions).set({ kind: 'correction' }).where(eq(revisions.id, working)).run();
  });

  const ids = (query: ArticleSearchQuery) => search(desk, { ...base, ...query }).items.map((item) => item.id).sort((a, b) => a - b);

  it('by status, section, tag and author', () => {
    expect(ids({ status: 'draft' })).toEqual([draft]);
    expect(ids({ section: 'politics' })).toEqual([politics]);
    expect(ids({ tag: 'elections' })).toEqual([politics]);
    expect(ids({ author: 'ada-reporter' })).toEqual([sport]);
    expect(ids({ section: 'no-such-section' })).toEqual([]);
    expect(search(desk, { ...base, section: 'politics' }).items[0]?.sectionName).toBe('Politics');
    expect(search(desk, { ...base, author: 'ada-reporter' }).items[0]?.authorName).toBe('Ada Reporter');
  });

  it('by the newsroom’s calendar day of publication, not UTC’s', () => {
    expect(ids({ from: '2026-03-03', to: '2026-03-03' })).toEqual([politics]);
    expect(ids({ from: '2026-03-04' })).toEqual([sport]);
    expect(ids({ to: '2026-03-02' })).toEqual([]);
  });

  it('by the day of the last edit', () => {
    expect(ids({ dates: 'updated', from: '2026-03-02', to: '2026-03-02' })).toEqual([politics, sport, draft]);
    expect(ids({ dates: 'updated', from: '2026-03-03' })).toEqual([]);
  });

  it('by “has a correction”', () => {
    expect(ids({ corrected: '1' })).toEqual([sport]);
  });

  it('combines filters, and applies them without words too', () => {
    expect(ids({ status: 'published', section: 'politics', tag: 'elections' })).toEqual([politics]);
    expect(ids({ status: 'draft', section: 'politics' })).toEqual([]);
    expect(search(desk, { section: 'politics' }).items.map((item) => item.id)).toEqual([politics]);
  });
});
