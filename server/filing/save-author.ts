import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { authors, photos, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { can } from '@/lib/permissions';
import type { SessionUser } from '@/lib/session-user';
import { AuthorInput } from '@/lib/validation/filing';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan, assertCanOn } from '@/server/policy';
import { addressFor, takenError } from './filing-address';
import { recordListChange } from '@/server/public/filing-changes';

type Profile = { name: string; slug: string; bio: string; photoId: number | null; userId: number | null };

/** The profile's address, photo and account are checked here; names may repeat (two John Smiths). */
function checkProfile(tx: Tx, profile: Profile, exceptId: number | null): void {
  const others = exceptId === null ? undefined : ne(authors.id, exceptId);
  if (tx.select({ id: authors.id }).from(authors).where(and(eq(authors.slug, profile.slug), others)).get()) {
    throw takenError('slug', `Another author already has the address /author/${profile.slug}; type another, like ${profile.slug}-2.`);
  }
  if (profile.photoId !== null && !tx.select({ id: photos.id }).from(photos).where(eq(photos.id, profile.photoId)).get()) {
    throw new AppError('INVALID', 'Some fields need attention.', { fields: { photoId: ['That photo is not in the library; choose another.'] } });
  }
  if (profile.userId === null) return;
  if (!tx.select({ id: users.id }).from(users).where(eq(users.id, profile.userId)).get()) {
    throw new AppError('INVALID', 'Some fields need attention.', { fields: { userId: ['That staff member no longer exists.'] } });
  }
  if (tx.select({ id: authors.id }).from(authors).where(and(eq(authors.userId, profile.userId), others)).get()) {
    throw takenError('userId', 'That staff member already has an author profile; edit theirs instead.');
  }
}

function insertAuthor(tx: Tx, actor: SessionUser, profile: Profile): { id: number; slug: string } {
  checkProfile(tx, profile, null);
  const { id } = tx.insert(authors).values(profile).returning({ id: authors.id }).get();
  recordAudit(tx, { actorId: actor.id, action: 'author.create', targetType: 'author', targetId: id, details: { name: profile.name, slug: profile.slug, staff: profile.userId !== null } });
  return { id, slug: profile.slug };
}

/** An admin adds a profile: a contributor with no account, or a staff member linked to theirs. */
export function createAuthor(actor: SessionUser, data: unknown): { id: number; slug: string } {
  assertCan(actor, 'author:edit:any');
  const input = parseInput(AuthorInput, data);
  const profile = { name: input.name, slug: addressFor(input.slug, input.name), bio: input.bio, photoId: input.photoId, userId: input.userId ?? null };
  return getDb().transaction((tx) => insertAuthor(tx, actor, profile), { behavior: 'immediate' });
}

/**
 * A staff member's own profile, made when they ask for it ("Create my author profile"), not on
 * their first credit: an author page is public, so the person chooses to have one and how their
 * name is spelled on it. It starts from their account name; they add a bio and photo after.
 */
export function createOwnAuthorProfile(actor: SessionUser): { id: number; slug: string } {
  assertCan(actor, 'author:edit:own');
  return getDb().transaction(
    (tx) => {
      if (tx.select({ id: authors.id }).from(authors).where(eq(authors.userId, actor.id)).get()) {
        throw new AppError('CONFLICT', 'You already have an author profile.');
      }
      const base = addressFor('', actor.name);
      const taken = (slug: string) => tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, slug)).get() !== undefined;
      let slug = base;
      for (let n = 2; taken(slug); n += 1) slug = `${base}-${n}`;
      return insertAuthor(tx, actor, { name: actor.name, slug, bio: '', photoId: null, userId: actor.id });
    },
    { behavior: 'immediate' },
  );
}

/**
 * An author's profile edited by its owner or an admin. Only an admin moves the address (the old
 * one stops working: authors have no redirect table yet) or links the profile to an account.
 */
export function editAuthor(actor: SessionUser, authorId: number, data: unknown, now = new Date()): { id: number; slug: string } {
  const input = parseInput(AuthorInput, data);
  return getDb().transaction(
    (tx) => {
      const before = tx.select({ name: authors.name, slug: authors.slug, userId: authors.userId }).from(authors).where(eq(authors.id, authorId)).get();
      if (!before) throw new AppError('NOT_FOUND', 'That author no longer exists.');
      assertCanOn(actor, 'author:edit', { authorId: before.userId ?? 0 });
      const admin = can(actor, 'author:edit:any');
      const slug = admin ? addressFor(input.slug || before.slug, input.name) : before.slug;
      const userId = admin && input.userId !== undefined ? input.userId : before.userId;
      const profile = { name: input.name, slug, bio: input.bio, photoId: input.photoId, userId };
      checkProfile(tx, profile, authorId);
      tx.update(authors).set({ ...profile, updatedAt: now }).where(eq(authors.id, authorId)).run();
      recordAudit(tx, { actorId: actor.id, action: 'author.edit', targetType: 'author', targetId: authorId, details: { from: before.name, to: input.name } });
      recordListChange(tx, 'author', authorId, now);
      return { id: authorId, slug };
    },
    { behavior: 'immediate' },
  );
}
