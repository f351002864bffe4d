import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleTags, tagRedirects, tags } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { SessionUser } from '@/lib/session-user';
import { MergeTagsInput } from '@/lib/validation/filing';
import { parseInput } from '@/lib/validation/parse-input';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';
import { recordTagMerge } from '@/server/public/filing-changes';

/**
 * Merges one tag into another, as when "Climate" and "Climate change" turn out to be one subject:
 * every story tagged with the first is tagged with the second where it stood (a story with both
 * keeps the earlier place), the first's address and former addresses lead to the second, and the
 * first is gone. Returns how many stories moved.
 */
export function mergeTags(actor: SessionUser, data: unknown, now = new Date()): { moved: number } {
  assertCan(actor, 'taxonomy:manage');
  const { fromId, intoId } = parseInput(MergeTagsInput, data);
  return getDb().transaction(
    (tx) => {
      const from = tx.select({ name: tags.name, slug: tags.slug }).from(tags).where(eq(tags.id, fromId)).get();
      const into = tx.select({ name: tags.name }).from(tags).where(eq(tags.id, intoId)).get();
      if (!from) throw new AppError('NOT_FOUND', 'The tag to merge no longer exists.');
      if (!into) throw new AppError('INVALID', 'The tag to keep no longer exists.', { fields: { intoId: ['Choose another tag to keep.'] } });

      const stories = tx.select({ articleId: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, fromId)).all().length;
      // Stories with both: the kept tag takes the earlier of the two places, and the merged one goes.
      tx.run(sql`
        UPDATE ${articleTags} AS kept SET position = min(kept.position, merged.position)
        FROM ${articleTags} AS merged
        WHERE kept.tag_id = ${intoId} AND merged.tag_id = ${fromId} AND merged.article_id = kept.article_id`);
      tx.run(sql`
        DELETE FROM ${articleTags} WHERE tag_id = ${fromId}
          AND article_id IN (SELECT article_id FROM ${articleTags} WHERE tag_id = ${intoId})`);
      tx.update(articleTags).set({ tagId: intoId }).where(eq(articleTags.tagId, fromId)).run();

      tx.update(tagRedirects).set({ tagId: intoId }).where(eq(tagRedirects.tagId, fromId)).run();
      tx.delete(tags).where(eq(tags.id, fromId)).run();
      tx.insert(tagRedirects).values({ fromSlug: from.slug, tagId: intoId }).onConflictDoUpdate({ target: tagRedirects.fromSlug, set: { tagId: intoId } }).run();

      recordAudit(tx, { actorId: actor.id, action: 'tag.merge', targetType: 'tag', targetId: intoId, details: { from: from.name, into: into.name, fromSlug: from.slug, stories } });
      recordTagMerge(tx, fromId, intoId, now);
      return { moved: stories };
    },
    { behavior: 'immediate' },
  );
}
