import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, revisions } from '@/db/schema';
import { EMPTY_BODY } from '@/lib/article-body';
import { placeholderSlug } from '@/lib/slug';
import type { SessionUser } from '@/lib/session-user';
import { recordAudit } from '@/server/audit/record-audit';
import { assertCan } from '@/server/policy';

/** Opens a blank draft owned by the user, with the user's name as byline; revision 1 is that blank. */
export function createArticle(user: SessionUser, now = new Date()): { id: number } {
  assertCan(user, 'article:create');
  return getDb().transaction(
    (tx) => {
      const article = tx
        .insert(articles)
        // The public address is chosen at publish time; until then a placeholder keeps it unique.
        .values({ slug: placeholderSlug(), authorId: user.id, lastEditedAt: now, lastEditedBy: user.id })
        .returning({ id: articles.id })
        .get();
      const revision = tx
        .insert(revisions)
        .values({
          articleId: article.id,
          number: 1,
          kind: 'create',
          authorId: user.id,
          createdAt: now,
          byline: user.name,
          body: EMPTY_BODY,
        })
        .returning({ id: revisions.id })
        .get();
      tx.update(articles).set({ workingRevisionId: revision.id }).where(eq(articles.id, article.id)).run();
      recordAudit(tx, { actorId: user.id, action: 'article.create', targetType: 'article', targetId: article.id });
      return article;
    },
    { behavior: 'immediate' },
  );
}
