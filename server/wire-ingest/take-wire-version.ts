import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleWireItems, revisions } from '@/db/schema';
import type { BodyDoc, BodyPhoto } from '@/lib/article-body';
import { AppError } from '@/lib/app-error';
import { draftOf } from '@/lib/article-draft';
import type { ArticleView } from '@/lib/article-view';
import { HEADLINE_MAX } from '@/lib/domain-constants';
import type { SessionUser } from '@/lib/session-user';
import { findEditableArticle, loadArticleViewAfterWrite } from '@/server/articles/queries';
import { revisionFields, storedBody } from '@/server/articles/save-article';
import { advanceArticle } from '@/server/articles/workflow-step';
import { recordAudit } from '@/server/audit/record-audit';
import { followWorkingCopy } from '@/server/co-editing/follow-working-copy';
import { insertRevision, nextRevisionNumber } from '@/server/revisions/snapshot-revision';
import { articleWireState, wireVersion } from './queries';

/**
 * Takes the agency's newer version into a story made from its copy: its headline and body replace
 * the working copy's (the editor has seen what changed), the story's other fields and the photos it
 * placed stay, as a new revision like a restore; co-editors see it arrive as a change. It is based
 * on the wire version the editor saw, not the article's version, which moves as the shared text is
 * folded: taking replaces the headline and body whatever was typed meanwhile, as the editor chose.
 */
export function takeWireVersion(user: SessionUser, articleId: number, input: { wireVersion: number }, now = new Date()): ArticleView {
  const taken = getDb().transaction(
    (tx) => {
      const article = findEditableArticle(tx, user, articleId);
      const state = articleWireState(tx, articleId);
      if (!state) throw new AppError('CONFLICT', 'This story was not made from wire copy: there is no newer version to take.');
      const newest = state.latestVersion === input.wireVersion ? wireVersion(tx, state.wireItemId, input.wireVersion) : undefined;
      if (!newest || input.wireVersion <= state.takenVersion) throw new AppError('CONFLICT', 'That is not the newest version of the wire copy; reload to see it.');
      const working = tx.select().from(revisions).where(eq(revisions.id, article.workingRevisionId!)).get();
      if (!working) throw new Error(`article ${articleId} has no working copy`);

      const placedPhotos = (working.body as BodyDoc).content.filter((block): block is BodyPhoto => block.type === 'photo');
      const body: BodyDoc = { type: 'doc', content: [...newest.item.body.content, ...placedPhotos] };
      const number = nextRevisionNumber(tx, articleId);
      const revisionId = insertRevision(tx, {
        articleId,
        number,
        kind: 'restore',
        authorId: user.id,
        createdAt: now,
        section: working.section,
        changeNote: `Took version ${newest.version} of the wire copy`,
        ...revisionFields(
          tx,
          {
            headline: (newest.item.headline || working.headline).slice(0, HEADLINE_MAX),
            standfirst: working.standfirst,
            datelinePlace: working.datelinePlace,
            datelineSource: working.datelineSource,
            byline: working.byline,
            leadPhoto: working.leadPhotoId === null ? null : { photoId: working.leadPhotoId, caption: working.leadPhotoCaption, credit: working.leadPhotoCredit },
            body,
          },
          storedBody(body),
        ),
      });
      advanceArticle(tx, article, user, now, { workingRevisionId: revisionId });
      tx.update(articleWireItems).set({ takenVersion: newest.version }).where(eq(articleWireItems.articleId, articleId)).run();
      recordAudit(tx, { actorId: user.id, action: 'article.take_wire_version', targetType: 'article', targetId: articleId, details: { wireVersion: newest.version, revision: number } });
      return loadArticleViewAfterWrite(tx, articleId);
    },
    { behavior: 'immediate' },
  );
  followWorkingCopy(articleId, draftOf(taken), user.id, now);
  return taken;
}
