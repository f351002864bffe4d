import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { authors } from '@/db/schema';
import type { SessionUser } from '@/lib/session-user';
import { appErrorFrom } from '@/tests/app-error';
import { auditEntries } from '@/tests/audit-entries';
import { makeUser } from '@/tests/factories';
import { ownAuthorProfile } from './queries';
import { createAuthor, createOwnAuthorProfile, editAuthor } from './save-author';

let admin: SessionUser;
let writer: SessionUser;
let other: SessionUser;

beforeAll(async () => {
  admin = await makeUser('admin', 'Ada Admin');
  writer = await makeUser('editor', 'Wren Writer');
  other = await makeUser('copy_editor', 'Wren Writer');
});

const word = () => randomUUID().slice(0, 8);
const row = (id: number) => getDb().select().from(authors).where(eq(authors.id, id)).get();

describe('author profiles', () => {
  it('lets an admin add a contributor without an account, HTML in the name kept as text', () => {
    const name = `<em>Agency</em> ${word()}`;
    const { id, slug } = createAuthor(admin, { name, bio: 'Wire service', photoId: '' });
    expect(row(id)).toMatchObject({ name, slug, bio: 'Wire service', userId: null, photoId: null });
    expect(auditEntries({ action: 'author.create', targetId: String(id) })[0]?.details).toMatchObject({ name, staff: false });
  });

  it('refuses a taken address, a photo not in the library and a second profile for one account', () => {
    const { slug } = createAuthor(admin, { name: `Sam ${word()}` });
    expect(appErrorFrom(() => createAuthor(admin, { name: 'Sam again', slug })).details.fields?.slug?.[0]).toContain(`/author/${slug}`);
    expect(appErrorFrom(() => createAuthor(admin, { name: `Pic ${word()}`, photoId: '999999' })).details.fields?.photoId).toBeDefined();
    createAuthor(admin, { name: `Linked ${word()}`, userId: String(admin.id) });
    expect(appErrorFrom(() => createAuthor(admin, { name: `Twice ${word()}`, userId: admin.id })).details.fields?.userId).toBeDefined();
  });

  it('gives a staff member their own profile on request, once, at a free address', () => {
    const mine = createOwnAuthorProfile(writer);
    const theirs = createOwnAuthorProfile(other);
    expect(row(mine.id)).toMatchObject({ name: 'Wren Writer', userId: writer.id });
    expect(theirs.slug).not.toBe(mine.slug);
    expect(ownAuthorProfile(writer)?.id).toBe(mine.id);
    expect(appErrorFrom(() => createOwnAuthorProfile(writer)).code).toBe('CONFLICT');
  });

  it('lets a person edit their own bio but not move its address or account, nor edit another’s', () => {
    const own = ownAuthorProfile(writer)!;
    editAuthor(writer, own.id, { name: 'Wren A. Writer', bio: 'Covers science.', slug: 'somewhere-else', userId: String(admin.id) });
    expect(row(own.id)).toMatchObject({ name: 'Wren A. Writer', bio: 'Covers science.', slug: own.slug, userId: writer.id });
    const contributor = createAuthor(admin, { name: `Guest ${word()}` });
    expect(appErrorFrom(() => editAuthor(writer, contributor.id, { name: 'Mine now' })).code).toBe('FORBIDDEN');
    expect(appErrorFrom(() => createAuthor(writer, { name: 'Anyone' })).code).toBe('FORBIDDEN');
  });

  it('lets an admin move an address and link a contributor to an account', async () => {
    const staffer = await makeUser('editor', `Joining ${word()}`);
    const { id } = createAuthor(admin, { name: `Freelancer ${word()}` });
    const slug = `freelancer-${word()}`;
    editAuthor(admin, id, { name: 'Freelancer Hired', slug, userId: staffer.id });
    expect(row(id)).toMatchObject({ slug, userId: staffer.id });
    expect(auditEntries({ action: 'author.edit', targetId: String(id) })).toHaveLength(1);
  });
});
