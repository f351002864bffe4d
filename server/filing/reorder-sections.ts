import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { ReorderSectionsInput } from '@/lib/validation/filing';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { LIST_KEYS } from '@/lib/public/surrogate-keys';
import { recordPublicChange } from '@/server/public-cache/record-public-change';

/**
 * The newsroom's order of sections (menus, the front page's groups). The whole order is sent, so
 * two admins reordering at once cannot interleave into an order neither chose.
 */
export function reorderSections(actor: SessionUser, data: unknown, now = new Date()): void {
  assertCan(actor, 'taxonomy:manage');
  const { sectionIds } = parseInput(ReorderSectionsInput, data);
  getDb().transaction(
    (tx) => {
      const existing = tx.select({ id: sections.id, name: sections.name }).from(sections).all();
      const named = new Set(sectionIds);
      if (named.size !== sectionIds.length || existing.length !== sectionIds.length || existing.some((section) => !named.has(section.id))) {
        throw new AppError('CONFLICT', 'The sections changed while you were ordering them; reload and try again.');
      }
      sectionIds.forEach((id, index) => tx.update(sections).set({ position: index + 1, updatedAt: now }).where(eq(sections.id, id)).run());
      const names = new Map(existing.map((section) => [section.id, section.name]));
      recordAudit(tx, { actorId: actor.id, action: 'section.reorder', targetType: 'section', targetId: null, details: { order: sectionIds.map((id) => names.get(id)) } });
      // Only the front page shows the order.
      recordPublicChange(tx, [LIST_KEYS.front], now);
    },
    { behavior: 'immediate' },
  );
}
