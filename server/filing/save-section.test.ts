import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { sectionNameKey, storyKeys } from '@/lib/public/surrogate-keys';
import { publicChanges, sectionRedirects, sections } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser, storyFields, writtenStory } from '@/tests/factories';
import { publishArticle } from '@/server/articles/publish-article';
import { saveArticle } from '@/server/articles/save-article';
import { reorderSections } from './reorder-sections';
import { unsafeLoadFiling } from './queries';
import { createSection, editSection } from './save-section';

let admin: SessionUser;
let writer: SessionUser;
let desk: SessionUser;

beforeAll(async () => {
  admin = await makeUser('admin', 'Ada Admin');
  writer = await makeUser('editor', 'Wren Writer');
  desk = await makeUser('copy_editor', 'Dana Desk');
});

const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;
const redirectOf = (slug: string) => getDb().select().from(sectionRedirects).where(eq(sectionRedirects.fromSlug, slug)).get();
const lastChangeKeys = () => getDb().select().from(publicChanges).all().at(-1)?.keys.split(' ') ?? [];

describe('sections', () => {
  it('creates a section last in the order, its address spelled from its name, and audits it', () => {
    const name = unique('Science & Tech');
    const { id, slug } = createSection(admin, { name, description: 'Labs', mediaTopic: 'medtop:13000000' });
    expect(slug).toMatch(/^science-and-tech-/);
    const row = getDb().select().from(sections).where(eq(sections.id, id)).get();
    expect(row).toMatchObject({ name, description: 'Labs', mediaTopic: '13000000' });
    const positions = getDb().select({ position: sections.position }).from(sections).all().map((section) => section.position);
    expect(row?.position).toBe(Math.max(...positions));
    expect(auditEntries({ action: 'section.create', targetId: String(id) })[0]?.details).toMatchObject({ name, slug });
  });

  it('refuses a Media Topic code of the wrong shape, a taken name or address, and keeps HTML as text', () => {
    const badCode = appErrorFrom(() => createSection(admin, { name: unique('Bad code'), mediaTopic: '1100' }));
    expect(badCode).toMatchObject({ code: 'INVALID', details: { fields: { mediaTopic: ['A Media Topic code is 8 digits, like 11000000'] } } });
    const name = unique('<b>World</b>');
    const { id, slug } = createSection(admin, { name });
    expect(getDb().select({ name: sections.name }).from(sections).where(eq(sections.id, id)).get()?.name).toBe(name);
    const sameName = appErrorFrom(() => createSection(admin, { name: name.toUpperCase() }));
    expect(sameName).toMatchObject({ code: 'CONFLICT', details: { fields: { name: [expect.stringContaining('already a section')] } } });
    const sameSlug = appErrorFrom(() => createSection(admin, { name: unique('Other'), slug }));
    expect(sameSlug.details.fields?.slug?.[0]).toContain(`/section/${slug}`);
    const badSlug = appErrorFrom(() => createSection(admin, { name: unique('Odd'), slug: 'Not An Address' }));
    expect(badSlug.details.fields?.slug).toBeDefined();
  });

  it('keeps the old address working after a rename, and a new section taking that address wins it', () => {
    const { id, slug: old } = createSection(admin, { name: unique('Money') });
    const renamed = editSection(admin, id, { name: unique('Business'), slug: `business-${randomUUID().slice(0, 8)}` });
    expect(redirectOf(old)?.sectionId).toBe(id);
    expect(auditEntries({ action: 'section.edit', targetId: String(id) })[0]?.details).toMatchObject({ fromSlug: old, toSlug: renamed.slug });

    createSection(admin, { name: unique('Money again'), slug: old });
    expect(redirectOf(old)).toBeUndefined();
  });

  it('purges the section’s list, the front page and every response printing its name, the live story’s page among them', () => {
    const { id } = createSection(admin, { name: unique('Culture') });
    const story = writtenStory(writer, 'Opera returns');
    const filed = saveArticle(writer, story.id, { ...storyFields('Opera returns'), version: story.version, filing: { sectionId: id, tags: [], authorIds: [] } });
    publishArticle(desk, story.id, { version: filed.version });
    const draft = writtenStory(writer, 'Draft in culture');
    saveArticle(writer, draft.id, { ...storyFields('Draft in culture'), version: draft.version, filing: { sectionId: id, tags: [], authorIds: [] } });

    const pageKeys = storyKeys({ id: story.id, photos: {}, filing: unsafeLoadFiling(getDb(), story.id) });
    editSection(admin, id, { name: unique('Arts') });
    expect(lastChangeKeys()).toEqual(expect.arrayContaining([`section-${id}`, sectionNameKey(id), 'front']));
    expect(pageKeys).toContain(sectionNameKey(id));
  });

  it('reorders the whole list, and refuses an order that leaves a section out', () => {
    const all = getDb().select({ id: sections.id }).from(sections).all().map((section) => section.id);
    const reversed = [...all].reverse();
    reorderSections(admin, { sectionIds: reversed });
    const ordered = getDb().select({ id: sections.id }).from(sections).orderBy(sections.position).all().map((section) => section.id);
    expect(ordered).toEqual(reversed);
    expect(appErrorFrom(() => reorderSections(admin, { sectionIds: reversed.slice(1) })).code).toBe('CONFLICT');
  });

  it('is for admins only', () => {
    expect(appErrorFrom(() => createSection(desk, { name: unique('Sport') })).code).toBe('FORBIDDEN');
    expect(appErrorFrom(() => reorderSections(writer, { sectionIds: [1] })).code).toBe('FORBIDDEN');
  });
});
