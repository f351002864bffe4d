import 'server-only';
import { and, eq, max, ne, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { sectionRedirects, sections } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { SectionInput } from '@/lib/validation/filing';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { addressFor, takenError } from './filing-address';
import { recordListChange } from '@/server/public/filing-changes';

/**
 * Names and addresses are the section's own: two "World" sections would be one menu entry twice.
 * A former address (a redirect) does not hold its slug: a new section that takes it wins, and the
 * old section's readers land on the new one, which is what a newsroom reusing a name means.
 */
function checkFree(tx: Tx, name: string, slug: string, exceptId: number | null): void {
  const others = exceptId === null ? undefined : ne(sections.id, exceptId);
  if (tx.select({ id: sections.id }).from(sections).where(and(sql`lower(${sections.name}) = lower(${name})`, others)).get()) {
    throw takenError('name', `There is already a section called “${name}”.`);
  }
  if (tx.select({ id: sections.id }).from(sections).where(and(eq(sections.slug, slug), others)).get()) {
    throw takenError('slug', `Another section already has the address /section/${slug}.`);
  }
  tx.delete(sectionRedirects).where(eq(sectionRedirects.fromSlug, slug)).run();
}

/** A new section, last in the newsroom's order. */
export function createSection(actor: SessionUser, data: unknown): { id: number; slug: string } {
  assertCan(actor, 'taxonomy:manage');
  const input = parseInput(SectionInput, data);
  const slug = addressFor(input.slug, input.name);
  return getDb().transaction(
    (tx) => {
      checkFree(tx, input.name, slug, null);
      const last = tx.select({ position: max(sections.position) }).from(sections).get()?.position ?? 0;
      const { id } = tx
        .insert(sections)
        .values({ name: input.name, slug, description: input.description, mediaTopic: input.mediaTopic, position: last + 1 })
        .returning({ id: sections.id })
        .get();
      recordAudit(tx, { actorId: actor.id, action: 'section.create', targetType: 'section', targetId: id, details: { name: input.name, slug } });
      return { id, slug };
    },
    { behavior: 'immediate' },
  );
}

/**
 * A section renamed or re-described. A new address keeps the old one working: it is kept as a
 * redirect, so links, bookmarks and search results still arrive (with a 301).
 */
export function editSection(actor: SessionUser, sectionId: number, data: unknown, now = new Date()): { id: number; slug: string } {
  assertCan(actor, 'taxonomy:manage');
  const input = parseInput(SectionInput, data);
  return getDb().transaction(
    (tx) => {
      const before = tx.select({ name: sections.name, slug: sections.slug }).from(sections).where(eq(sections.id, sectionId)).get();
      if (!before) throw new AppError('NOT_FOUND', 'That section no longer exists.');
      const slug = addressFor(input.slug || before.slug, input.name);
      checkFree(tx, input.name, slug, sectionId);
      tx.update(sections)
        .set({ name: input.name, slug, description: input.description, mediaTopic: input.mediaTopic, updatedAt: now })
        .where(eq(sections.id, sectionId))
        .run();
      if (slug !== before.slug) {
        tx.insert(sectionRedirects)
          .values({ fromSlug: before.slug, sectionId })
          .onConflictDoUpdate({ target: sectionRedirects.fromSlug, set: { sectionId } })
          .run();
      }
      recordAudit(tx, {
        actorId: actor.id,
        action: 'section.edit',
        targetType: 'section',
        targetId: sectionId,
        details: { from: before.name, to: input.name, ...(slug !== before.slug ? { fromSlug: before.slug, toSlug: slug } : {}) },
      });
      recordListChange(tx, 'section', sectionId, now);
      return { id: sectionId, slug };
    },
    { behavior: 'immediate' },
  );
}
