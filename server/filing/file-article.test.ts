import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { authors, publicChanges, sections, tags } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import type { FilingInput } from '@/lib/validation/filing';
import { appErrorFrom } from '@/tests/app-error';
import { revisionsOf } from '@/tests/article-rows';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { tagSlug } from './file-article';

let writer: SessionUser;
let desk: SessionUser;
let world: number;
let science: number;
let anna: number;
let james: number;

beforeAll(async () => {
  writer = await makeUser('editor', 'Wren Writer');
  desk = await makeUser('copy_editor', 'Dana Desk');
  const db = getDb();
  [world, science] = db
    .insert(sections)
    .values([
      { name: 'World', slug: 'world', position: 1 },
      { name: 'Science', slug: 'science', position: 2 },
    ])
    .returning({ id: sections.id })
    .all()
    .map((row) => row.id) as [number, number];
  [anna, james] = db
    .insert(authors)
    .values([
      { name: 'Anna Petrova', slug: 'anna-petrova', userId: writer.id },
      { name: 'James Okafor', slug: 'james-okafor' },
    ])
    .returning({ id: authors.id })
    .all()
    .map((row) => row.id) as [number, number];
});

function file(user: SessionUser, story: { id: number; version: number }, filing: FilingInput) {
  return saveArticle(user, story.id, { ...storyFields('Filed story'), version: story.version, filing });
}

const lastChangeKeys = () => getDb().select().from(publicChanges).all().at(-1)?.keys.split(' ');

describe('filing an article with its save', () => {
  it('sets the section, tags in order and authors in byline order, and shows them on the article', () => {
    const story = writtenStory(writer, 'Ice shelf cracks');
    const view = file(writer, story, { sectionId: science, tags: ['Antarctica', 'Climate change'], authorIds: [james, anna] });
    expect(view.filing.section).toMatchObject({ id: science, name: 'Science', slug: 'science' });
    expect(view.filing.tags.map((tag) => [tag.name, tag.slug])).toEqual([
      ['Antarctica', 'antarctica'],
      ['Climate change', 'climate-change'],
    ]);
    expect(view.filing.authors.map((author) => author.name)).toEqual(['James Okafor', 'Anna Petrova']);
    const [entry] = auditEntries({ action: 'article.file', targetId: String(story.id) });
    expect(entry?.details).toEqual({ section: 'Science', tags: ['Antarctica', 'Climate change'], authors: ['James Okafor', 'Anna Petrova'] });
  });

  it('records the section in each revision it saves, so the history shows a story moving', () => {
    const story = writtenStory(writer, 'Moving story');
    const filed = file(writer, story, { sectionId: world, tags: [], authorIds: [] });
    file(writer, { id: story.id, version: filed.version }, { sectionId: science, tags: [], authorIds: [] });
    expect(revisionsOf(story.id).map((revision) => revision.section)).toEqual(['', '', 'World', 'Science']);
  });

  it('reuses a tag named in another case or spelled as its address, and makes a new one once', () => {
    const first = writtenStory(writer, 'Rates rise');
    file(writer, first, { sectionId: null, tags: ['Interest rates'], authorIds: [] });
    const second = writtenStory(writer, 'Rates rise again');
    const view = file(writer, second, { sectionId: null, tags: ['interest RATES', 'interest-rates', '  Central   banks '], authorIds: [] });
    expect(view.filing.tags.map((tag) => tag.name)).toEqual(['Interest rates', 'Central banks']);
    expect(getDb().select().from(tags).all().filter((tag) => tag.slug === 'interest-rates')).toHaveLength(1);
    expect(auditEntries({ action: 'tag.create' }).map((entry) => entry.details?.name)).toContain('Central banks');
  });

  it('gives a tag with no Latin letters to spell a stable address, and keeps hostile names as text', () => {
    expect(tagSlug('中国')).toMatch(/^tag-[0-9a-f]{10}$/);
    expect(tagSlug('中国')).toBe(tagSlug('中国'));
    const story = writtenStory(writer, 'Odd tags');
    const view = file(writer, story, { sectionId: null, tags: ['<script>alert(1)</script>', 'Москва'], authorIds: [] });
    expect(view.filing.tags.map((tag) => [tag.name, tag.slug])).toEqual([
      ['<script>alert(1)</script>', 'script-alert-1-script'],
      ['Москва', 'moskva'],
    ]);
  });

  it('leaves the filing alone when a save does not carry it, and writes nothing when it is unchanged', () => {
    const story = writtenStory(writer, 'Quiet filing');
    const filed = file(writer, story, { sectionId: world, tags: ['Elections'], authorIds: [anna] });
    const resaved = saveArticle(writer, story.id, { ...storyFields('Quiet filing, edited'), version: filed.version });
    expect(resaved.filing).toEqual(filed.filing);
    const again = file(writer, { id: story.id, version: resaved.version }, { sectionId: world, tags: ['elections'], authorIds: [anna] });
    expect(again.filing).toEqual(filed.filing);
    expect(auditEntries({ action: 'article.file', targetId: String(story.id) })).toHaveLength(1);
  });

  it('refuses a section or author that does not exist, saving nothing', () => {
    const story = writtenStory(writer, 'Nowhere');
    const noSection = appErrorFrom(() => file(writer, story, { sectionId: 999_999, tags: [], authorIds: [] }));
    expect(noSection).toMatchObject({ code: 'INVALID', details: { fields: { sectionId: ['Choose another section.'] } } });
    const noAuthor = appErrorFrom(() => file(writer, story, { sectionId: null, tags: ['Kept out'], authorIds: [999_999] }));
    expect(noAuthor.code).toBe('INVALID');
    expect(getDb().select().from(tags).all().some((tag) => tag.name === 'Kept out')).toBe(false);
  });

  it('purges the lists a live story leaves and joins, and nothing for a draft', () => {
    const draft = writtenStory(writer, 'Draft filing');
    const before = getDb().select().from(publicChanges).all().length;
    file(writer, draft, { sectionId: world, tags: [], authorIds: [] });
    expect(getDb().select().from(publicChanges).all()).toHaveLength(before);

    const story = writtenStory(writer, 'Live filing');
    const filed = file(writer, story, { sectionId: world, tags: ['Floods'], authorIds: [anna] });
    const live = publishArticle(desk, story.id, { version: filed.version });
    const floods = live.filing.tags[0]!.id;
    file(desk, { id: story.id, version: live.version }, { sectionId: science, tags: ['Floods'], authorIds: [anna] });
    expect(lastChangeKeys()?.sort()).toEqual([`story-${story.id}`, 'front', `section-${world}`, `section-${science}`].sort());
    expect(lastChangeKeys()).not.toContain(`tag-${floods}`);
  });
});
