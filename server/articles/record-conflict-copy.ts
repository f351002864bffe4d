import 'server-only';
import { getDb } from '@/db/client';
import { CONFLICT_COPY_NOTE } from '@/lib/revision-history';
import type { SessionUser } from '@/lib/session-user';
import type { ArticleFieldsInput } from '@/lib/validation/article';
import { recordAudit } from '@/server/audit/record-audit';
import { findEditableArticle } from './queries';
import { insertRevision, nextRevisionNumber } from '@/server/revisions/snapshot-revision';
import { revisionFields, storedBody } from './save-article';

/**
 * "Take theirs": the writer's own text goes into the history as a revision titled "Conflict copy"
 * while the working copy stays theirs. It neither moves the working copy nor bumps the version,
 * so whoever is editing now is not disturbed.
 */
export function recordConflictCopy(
  user: SessionUser,
  articleId: number,
  input: ArticleFieldsInput,
  now = new Date(),
): { revisionNumber: number } {
  const bodyJson = storedBody(input.body);
  return getDb().transaction(
    (tx) => {
      findEditableArticle(tx, user, articleId);
      const number = nextRevisionNumber(tx, articleId);
      insertRevision(tx, {
        articleId,
        number,
        kind: 'save',
        authorId: user.id,
        createdAt: now,
        changeNote: CONFLICT_COPY_NOTE,
        ...revisionFields(tx, input, bodyJson),
      });
      recordAudit(tx, {
        actorId: user.id,
        action: 'article.conflict_copy',
        targetType: 'article',
        targetId: articleId,
        details: { revision: number },
      });
      return { revisionNumber: number };
    },
    { behavior: 'immediate' },
  );
}
