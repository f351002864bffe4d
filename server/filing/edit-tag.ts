import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { tagRedirects, tags } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { TagInput } from '@/lib/validation/filing';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { tagSlug } from './file-article';
import { takenError } from './filing-address';
import { recordListChange } from '@/server/public/filing-changes';

/**
 * A tag renamed (its stories follow, being filed by id) or given a Media Topic. A new address keeps
 * the old one as a redirect. A name another tag has is refused with the way out: merge them.
 */
export function editTag(actor: SessionUser, tagId: number, data: unknown, now = new Date()): { id: number; slug: string } {
  assertCan(actor, 'taxonomy:manage');
  const input = parseInput(TagInput, data);
  return getDb().transaction(
    (tx) => {
      const before = tx.select({ name: tags.name, slug: tags.slug }).from(tags).where(eq(tags.id, tagId)).get();
      if (!before) throw new AppError('NOT_FOUND', 'That tag no longer exists.');
      const renamed = input.name !== before.name;
      const slug = input.slug || (renamed ? tagSlug(input.name) : before.slug);
      if (tx.select({ id: tags.id }).from(tags).where(and(sql`lower(${tags.name}) = lower(${input.name})`, ne(tags.id, tagId))).get()) {
        throw takenError('name', `There is already a tag called “${input.name}”: merge this one into it instead.`);
      }
      if (tx.select({ id: tags.id }).from(tags).where(and(eq(tags.slug, slug), ne(tags.id, tagId))).get()) {
        throw takenError('slug', `Another tag already has the address /tag/${slug}: merge this one into it instead.`);
      }
      tx.update(tags).set({ name: input.name, slug, mediaTopic: input.mediaTopic, updatedAt: now }).where(eq(tags.id, tagId)).run();
      tx.delete(tagRedirects).where(eq(tagRedirects.fromSlug, slug)).run();
      if (slug !== before.slug) {
        tx.insert(tagRedirects).values({ fromSlug: before.slug, tagId }).onConflictDoUpdate({ target: tagRedirects.fromSlug, set: { tagId } }).run();
      }
      recordAudit(tx, {
        actorId: actor.id,
        action: 'tag.edit',
        targetType: 'tag',
        targetId: tagId,
        details: { from: before.name, to: input.name, mediaTopic: input.mediaTopic, ...(slug !== before.slug ? { fromSlug: before.slug, toSlug: slug } : {}) },
      });
      recordListChange(tx, 'tag', tagId, now);
      return { id: tagId, slug };
    },
    { behavior: 'immediate' },
  );
}
