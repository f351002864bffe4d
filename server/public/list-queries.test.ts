import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleAuthors, articles, articleTags, authors, publicChanges, sectionRedirects, sections, tagRedirects, tags } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { HOSTILE_TEXT } from '@/tests/public-article-fixtures';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { saveArticle } from '@/server/articles/save-article';
import { publishArticle } from '@/server/articles/publish-article';
import { withdrawArticle } from '@/server/articles/withdraw-article';
import { publicPageKeys } from '@/server/public-cache/public-page-keys';
import { recordListChange, recordTagMerge } from './filing-changes';
import { publicListPage, resolvePublicList } from './list-queries';
import { findPublicArticle, frontPageSections } from './queries';

let writer: SessionUser;
let desk: SessionUser;
let world: number;
let science: number;
let hostileTag: number;
let ana: number;

const db = () => getDb();
const lastChangeKeys = () => db().select().from(publicChanges).all().at(-1)?.keys.split(' ') ?? [];

beforeAll(async () => {
  writer = await makeUser('editor', 'Lena Lists');
  desk = await makeUser('copy_editor', 'Dev Desk');
  [world, science] = db()
    .insert(sections)
    .values([
      { name: 'World', slug: 'world', position: 2, description: 'News from everywhere.', mediaTopic: '11000000' },
      { name: 'Science', slug: 'science', position: 1 },
    ])
    .returning({ id: sections.id })
    .all()
    .map((row) => row.id) as [number, number];
  hostileTag = db().insert(tags).values({ name: HOSTILE_TEXT, slug: 'hostile' }).returning({ id: tags.id }).get().id;
  ana = db().insert(authors).values({ name: 'Ana Lima', slug: 'ana-lima', bio: 'Covers the port.' }).returning({ id: authors.id }).get().id;
});

/** A story filed before its publish, as the desk's save does, then published at `at`. */
function filedStory(headline: string, at: Date, filing: { sectionId?: number; tagIds?: number[]; authorIds?: number[] }) {
  const story = writtenStory(writer, headline, at);
  db().update(articles).set({ sectionId: filing.sectionId ?? null }).where(eq(articles.id, story.id)).run();
  (filing.tagIds ?? []).forEach((tagId, position) => db().insert(articleTags).values({ articleId: story.id, tagId, position }).run());
  (filing.authorIds ?? []).forEach((authorId, position) => db().insert(articleAuthors).values({ articleId: story.id, authorId, position }).run());
  return publishArticle(desk, story.id, { version: story.version }, at);
}

const minute = (n: number) => new Date(Date.UTC(2026, 10, 1, 8, n));

describe('a section’s pages', () => {
  it('list its live stories newest first, 20 a page, each older page read from a story onwards', () => {
    const ids = Array.from({ length: 45 }, (_, n) => filedStory(`World story ${n}`, minute(n), { sectionId: world }).id);
    const newestFirst = [...ids].reverse();
    const first = publicListPage({ kind: 'section', id: world });
    expect(first?.articles.map((teaser) => teaser.id)).toEqual(newestFirst.slice(0, 20));
    expect(first).toMatchObject({ older: newestFirst[19], newer: null });

    const second = publicListPage({ kind: 'section', id: world }, first?.older ?? undefined);
    expect(second?.articles.map((teaser) => teaser.id)).toEqual(newestFirst.slice(20, 40));
    expect(second).toMatchObject({ older: newestFirst[39], newer: 'first' });

    const third = publicListPage({ kind: 'section', id: world }, second?.older ?? undefined);
    expect(third?.articles.map((teaser) => teaser.id)).toEqual(newestFirst.slice(40));
    // Its previous page is the one ending with the story it starts below.
    expect(third).toMatchObject({ older: null, newer: second?.newer === 'first' ? first?.older : undefined });
    expect(publicListPage({ kind: 'section', id: world }, 987_654)).toBeUndefined();

    // A story leaving the section leaves its pages, and the withdrawal purges them.
    const gone = db().select({ version: articles.version }).from(articles).where(eq(articles.id, newestFirst[0] ?? 0)).get();
    withdrawArticle(desk, newestFirst[0] ?? 0, { version: gone?.version ?? 0, note: 'Wrong.' });
    expect(lastChangeKeys()).toContain(`section-${world}`);
    expect(publicListPage({ kind: 'section', id: world })?.articles[0]?.id).toBe(newestFirst[1]);
  });

  it('carry the section and the stories shown as surrogate keys; the front page groups by section in the desk’s order', () => {
    const keys = publicPageKeys('/section/world');
    expect(keys?.[0]).toBe(`section-${world}`);
    expect(keys).toHaveLength(21);
    filedStory('Comet seen', minute(50), { sectionId: science });
    expect(frontPageSections().map((group) => group.section.name)).toEqual(['Science', 'World']);
    expect(frontPageSections().find((group) => group.section.id === world)?.articles).toHaveLength(4);
  });

  it('answer a former address with the section as it is now', () => {
    db().insert(sectionRedirects).values({ fromSlug: 'international', sectionId: world }).run();
    expect(resolvePublicList('section', 'international')).toEqual({ kind: 'moved', id: world, slug: 'world' });
    expect(resolvePublicList('section', 'nowhere')).toEqual({ kind: 'unknown' });
    expect(resolvePublicList('section', 'world')).toMatchObject({ kind: 'found', list: { kind: 'section', id: world, name: 'World', about: 'News from everywhere.' } });
  });
});

describe('tag and author pages, and what a filed story’s changes purge', () => {
  it('a first publish purges the lists it joins; the story’s page carries the names it prints', () => {
    const story = filedStory('Port reopens', minute(55), { sectionId: world, tagIds: [hostileTag], authorIds: [ana] });
    expect(lastChangeKeys()).toEqual(expect.arrayContaining([`story-${story.id}`, 'front', `section-${world}`, `tag-${hostileTag}`, `author-${ana}`]));
    expect(publicListPage({ kind: 'tag', id: hostileTag })?.articles.map((teaser) => teaser.id)).toEqual([story.id]);
    expect(publicListPage({ kind: 'author', id: ana })?.articles.map((teaser) => teaser.id)).toEqual([story.id]);
    expect(findPublicArticle('port-reopens')?.filing).toEqual({
      section: { id: world, name: 'World', slug: 'world', mediaTopic: '11000000' },
      tags: [{ id: hostileTag, name: HOSTILE_TEXT, slug: 'hostile', mediaTopic: null }],
      authors: [{ id: ana, name: 'Ana Lima', slug: 'ana-lima' }],
    });
    expect(publicPageKeys('/news/port-reopens')).toEqual([`story-${story.id}`, `section-name-${world}`, `tag-name-${hostileTag}`, `author-name-${ana}`]);
    expect(publicPageKeys('/author/ana-lima')).toEqual([`author-${ana}`, `story-${story.id}`]);

    // An update changes no list's membership: the story's own key purges every list showing it.
    const saved = saveArticle(desk, story.id, { ...storyFields('Port reopens', 'More detail.'), version: story.version }, minute(56));
    const update = publishArticle(desk, story.id, { version: saved.version, updateKind: 'update', note: 'More detail.' }, minute(56));
    expect(lastChangeKeys()).not.toContain(`section-${world}`);
    expect(update.status).toBe('published');
  });

  it('a rename purges the list and every response printing the name; a merge also the list it joins', () => {
    getDb().transaction((tx) => recordListChange(tx, 'section', world));
    expect(lastChangeKeys()).toEqual([`section-${world}`, `section-name-${world}`, 'front']);
    getDb().transaction((tx) => recordListChange(tx, 'author', ana));
    expect(lastChangeKeys()).toEqual([`author-${ana}`, `author-name-${ana}`]);
    const into = db().insert(tags).values({ name: 'Harbours', slug: 'harbours' }).returning({ id: tags.id }).get().id;
    db().insert(tagRedirects).values({ fromSlug: 'ports-old', tagId: into }).run();
    getDb().transaction((tx) => recordTagMerge(tx, hostileTag, into));
    expect(lastChangeKeys()).toEqual([`tag-${hostileTag}`, `tag-name-${hostileTag}`, `tag-${into}`]);
    expect(resolvePublicList('tag', 'ports-old')).toEqual({ kind: 'moved', id: into, slug: 'harbours' });
  });
});
