import 'server-only';
import { type Db, getDb } from '@/db/client';
import { isAppError } from '@/lib/app-error';
import type { CollabMode } from '@/lib/co-editing/collab-mode';
import { editRefusal } from '@/lib/article-edit-rules';
import type { SessionUser } from '@/lib/session-user';
import { findVisibleArticle } from '@/server/articles/queries';
import { findSessionUser } from '@/server/users/queries';


/**
 * What the policy lets this person do in the article now: the same rules as a save and a read
 * (`findVisibleArticle`, `editRefusal`), so co-editing can never grant more than the editor screen.
 * NOT_FOUND when the article is not theirs to see.
 */
export function collabModeOf(user: SessionUser, articleId: number, db: Db = getDb()): CollabMode {
  return editRefusal(user, findVisibleArticle(db, user, articleId)) ? 'read' : 'edit';
}

/**
 * The standing, re-read from the database, of someone who joined with a ticket: who they are and
 * what they may do now; null once their account is disabled, their sessions were ended (a role
 * change or a password reset moves the session generation on) or the article is no longer theirs
 * to see.
 */
export function currentCollabStanding(
  joined: { userId: number; sessionVersion: number; articleId: number },
  db: Db = getDb(),
): { user: SessionUser; mode: CollabMode } | null {
  const user = findSessionUser(joined.userId, joined.sessionVersion);
  if (!user) return null;
  try {
    return { user, mode: collabModeOf(user, joined.articleId, db) };
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}
