import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { storyKeys, tagNameKey } from '@/lib/public/surrogate-keys';
import { publicChanges, tagRedirects, tags } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import type { FilingInput } from '@/lib/validation/filing';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { getArticle } from '@/server/articles/queries';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { editTag } from './edit-tag';
import { mergeTags } from './merge-tags';
import { suggestTags, unsafeLoadFiling } from './queries';

let admin: SessionUser;
let writer: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  admin = await makeUser('admin', 'Ada Admin');
  writer = await makeUser('editor', 'Wren Writer');
  desk = await makeUser('copy_editor', 'Dana Desk');
});

const word = () => randomUUID().slice(0, 8);
const tagged = (headline: string, names: string[]) => {
  const story = writtenStory(writer, headline);
  const filing: FilingInput = { sectionId: null, tags: names, authorIds: [] };
  return saveArticle(writer, story.id, { ...storyFields(headline), version: story.version, filing });
};
const tagId = (name: string) => getDb().select({ id: tags.id }).from(tags).where(eq(tags.name, name)).get()!.id;
const tagNames = (articleId: number) => getArticle(writer, articleId).filing.tags.map((tag) => tag.name);
const redirectOf = (slug: string) => getDb().select().from(tagRedirects).where(eq(tagRedirects.fromSlug, slug)).get();

describe('renaming a tag', () => {
  it('renames it for every story, keeps the old address as a redirect, and sets a Media Topic', () => {
    const [old, fresh] = [`Climat ${word()}`, `Climate ${word()}`];
    const story = tagged('Heatwave', [old]);
    const { slug } = editTag(admin, tagId(old), { name: fresh, mediaTopic: '06000000' });
    expect(tagNames(story.id)).toEqual([fresh]);
    expect(redirectOf(story.filing.tags[0]!.slug)?.tagId).toBe(tagId(fresh));
    expect(getDb().select().from(tags).where(eq(tags.slug, slug)).get()?.mediaTopic).toBe('06000000');
    expect(auditEntries({ action: 'tag.edit', targetId: String(tagId(fresh)) })[0]?.details).toMatchObject({ from: old, to: fresh });
  });

  it('refuses the name of another tag, pointing to a merge, and keeps HTML as text', () => {
    const [a, b] = [`Alpha ${word()}`, `Beta ${word()}`];
    tagged('Two tags', [a, b]);
    const taken = appErrorFrom(() => editTag(admin, tagId(a), { name: b.toLowerCase() }));
    expect(taken).toMatchObject({ code: 'CONFLICT', details: { fields: { name: [expect.stringContaining('merge')] } } });
    const html = `<i>${word()}</i>`;
    editTag(admin, tagId(a), { name: html });
    expect(tagId(html)).toBeGreaterThan(0);
  });

  it('is for admins only', () => {
    const name = `Guarded ${word()}`;
    tagged('Guarded', [name]);
    expect(appErrorFrom(() => editTag(desk, tagId(name), { name: 'Other' })).code).toBe('FORBIDDEN');
  });
});

describe('merging tags', () => {
  it('moves every story to the kept tag without duplicates, keeping each story’s order', () => {
    const [from, into, other] = [`Floods ${word()}`, `Flooding ${word()}`, `Rain ${word()}`];
    const onlyFrom = tagged('Rivers rise', [other, from]);
    const both = tagged('Both tags', [from, other, into]);
    const [fromId, intoId] = [tagId(from), tagId(into)];
    const fromSlug = onlyFrom.filing.tags[1]!.slug;
    // An older address of the merged tag must follow it too.
    getDb().insert(tagRedirects).values({ fromSlug: `older-${word()}`, tagId: fromId }).run();

    expect(mergeTags(admin, { fromId, intoId })).toEqual({ moved: 2 });
    expect(tagNames(onlyFrom.id)).toEqual([other, into]);
    expect(tagNames(both.id)).toEqual([into, other]);
    expect(getDb().select().from(tags).where(eq(tags.id, fromId)).get()).toBeUndefined();
    expect(redirectOf(fromSlug)?.tagId).toBe(intoId);
    expect(getDb().select().from(tagRedirects).where(eq(tagRedirects.tagId, fromId)).all()).toEqual([]);
    expect(auditEntries({ action: 'tag.merge', targetId: String(intoId) })[0]?.details).toMatchObject({ from, into, stories: 2 });
  });

  it('files a story under the kept tag when a writer types the merged one again', () => {
    const [from, into] = [`Polls ${word()}`, `Elections ${word()}`];
    tagged('Early polls', [from]);
    tagged('Election day', [into]);
    mergeTags(admin, { fromId: tagId(from), intoId: tagId(into) });
    const again = tagged('Late polls', [from]);
    expect(again.filing.tags.map((tag) => tag.name)).toEqual([into]);
  });

  it('purges both tags’ lists and every response printing the merged name, the live story’s page among them', () => {
    const [from, into] = [`Quake ${word()}`, `Earthquake ${word()}`];
    const live = tagged('Quake strikes', [from]);
    publishArticle(desk, live.id, { version: live.version });
    tagged('Quake follow-up', [into]);
    const [fromId, intoId] = [tagId(from), tagId(into)];
    const pageKeys = storyKeys({ id: live.id, photos: {}, filing: unsafeLoadFiling(getDb(), live.id) });
    mergeTags(admin, { fromId, intoId });
    const keys = getDb().select().from(publicChanges).all().at(-1)?.keys.split(' ');
    expect(keys).toEqual(expect.arrayContaining([`tag-${fromId}`, `tag-${intoId}`, tagNameKey(fromId)]));
    expect(pageKeys).toContain(tagNameKey(fromId));
  });

  it('refuses a merge into itself or into a tag that is gone, and non-admins', () => {
    const name = `Solo ${word()}`;
    tagged('Solo', [name]);
    const id = tagId(name);
    expect(appErrorFrom(() => mergeTags(admin, { fromId: id, intoId: id }))).toMatchObject({
      code: 'INVALID',
      details: { fields: { intoId: ['A tag cannot be merged into itself; choose another tag to keep'] } },
    });
    expect(appErrorFrom(() => mergeTags(admin, { fromId: id, intoId: 999_999 })).details.fields?.intoId).toBeDefined();
    expect(appErrorFrom(() => mergeTags(writer, { fromId: id, intoId: 1 })).code).toBe('FORBIDDEN');
    expect(tagId(name)).toBe(id);
  });
});

describe('suggesting tags as a writer types', () => {
  it('matches names by prefix in any case, treating % and _ as letters', () => {
    const stem = `Zq${word()}`;
    tagged('Suggested', [`${stem} one`, `${stem}_two`]);
    expect(suggestTags(writer, stem.toLowerCase()).map((tag) => tag.name)).toEqual(expect.arrayContaining([`${stem} one`, `${stem}_two`]));
    expect(suggestTags(writer, `${stem}_`).map((tag) => tag.name)).toEqual([`${stem}_two`]);
    expect(suggestTags(writer, '%')).toEqual([]);
    expect(suggestTags(writer, '')).toEqual([]);
  });
});
