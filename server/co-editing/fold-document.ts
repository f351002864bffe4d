import 'server-only';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import * as Y from 'yjs';
import { getDb, type Tx } from '@/db/client';
import { articleCollabStates, articleCollabUpdates, revisionContributors, revisions } from '@/db/schema';
import { type FieldErrors, isAppError } from '@/lib/app-error';
import { draftOfDocument } from '@/lib/co-editing/article-body-document';
import { ArticleFieldsInput } from '@/lib/validation/article';
import { parseInput } from '@/lib/validation/parse-input';
import { unsafeFindArticleLifecycle } from '@/server/articles/queries';
import { AUTOSAVE_FOLD_MS, revisionFields, storedBody, writeWorkingCopy } from '@/server/articles/save-article';
import { sectionNameOf } from '@/server/filing/queries';
import type { RevisionText } from '@/server/revisions/snapshot-revision';
import { log } from '@/server/log/logger';

export type FoldOutcome =
  | { folded: false; why: 'nothing-new' | 'no-article' | 'same-as-working-copy' }
  | { folded: false; why: 'refused'; problem: string; fields: FieldErrors }
  | { folded: true; revisionNumber: number; contributors: number[] };

/**
 * Folds what people typed into the article's shared document since the last fold into its working
 * copy, as an autosave: a new revision, or the working one rewritten while it is a recent fold of
 * the shared document. The revision names everyone whose updates it holds. In the same transaction
 * the stored state moves up to the last update folded and those updates are merged into it, so the
 * revision and the shared document can never disagree: after a crash, loading the document replays
 * exactly the updates no revision holds yet.
 *
 * `doc` is the document as the server holds it, with every stored update applied (each is stored
 * before it is applied). Text a save would refuse (a body the schema check rejects, a headline past
 * its limit after two people typed into it) is not folded: the updates stay, the working copy stays
 * as it was, and the outcome says why.
 *
 * `savedBy` is someone pressing Save: their own revision, as an explicit save always is (even with
 * nothing new), with them as its author and everyone who typed since the last fold as its contributors.
 */
export function foldArticleDocument(articleId: number, doc: Y.Doc, now = new Date(), savedBy?: number): FoldOutcome {
  return getDb().transaction(
    (tx) => {
      const article = unsafeFindArticleLifecycle(tx, articleId);
      const state = tx.select({ throughUpdateId: articleCollabStates.throughUpdateId }).from(articleCollabStates).where(eq(articleCollabStates.articleId, articleId)).get();
      if (!article || !state) return { folded: false, why: 'no-article' } as const;
      const pending = tx
        .select({ id: articleCollabUpdates.id, userId: articleCollabUpdates.userId })
        .from(articleCollabUpdates)
        .where(and(eq(articleCollabUpdates.articleId, articleId), gt(articleCollabUpdates.id, state.throughUpdateId)))
        .orderBy(asc(articleCollabUpdates.id))
        .all();
      // A Save is a revision of its own even with nothing typed since the last fold, as it always was.
      if (pending.length === 0 && savedBy === undefined) return { folded: false, why: 'nothing-new' } as const;

      let text;
      try {
        const fields = parseInput(ArticleFieldsInput, draftOfDocument(doc));
        text = revisionFields(tx, fields, storedBody(fields.body));
      } catch (error) {
        if (isAppError(error, 'INVALID')) return { folded: false, why: 'refused', problem: error.message, fields: error.details.fields ?? {} } as const;
        throw error;
      }

      const through = pending.at(-1)?.id;
      if (savedBy === undefined && through !== undefined && article.workingRevisionId !== null && sameText(tx, article.workingRevisionId, text)) {
        // A restore or an API save already made a revision of this text: no second one.
        compact(tx, articleId, doc, through, now);
        return { folded: false, why: 'same-as-working-copy' } as const;
      }
      const contributors = [...new Set(pending.map((update) => update.userId).filter((id): id is number => id !== null))];
      // The last to type is an autosave's author, as the last to save is a save's.
      const authorId = savedBy ?? contributors.at(-1) ?? article.authorId;
      const written = writeWorkingCopy(
        tx,
        {
          articleId,
          version: article.version,
          authorId,
          kind: savedBy === undefined ? 'autosave' : 'save',
          changeNote: null,
          text,
          section: sectionNameOf(tx, articleId),
          foldsInto: (working, nextNumber) =>
            savedBy === undefined &&
            working.kind === 'autosave' &&
            working.number === nextNumber - 1 &&
            isSharedFold(tx, working.id) &&
            now.getTime() - working.createdAt.getTime() < AUTOSAVE_FOLD_MS,
          auditAction: savedBy === undefined ? 'article.co_edit' : 'article.save',
          now,
        },
        article.workingRevisionId,
      );
      if (contributors.length > 0) {
        tx.insert(revisionContributors)
          .values(contributors.map((userId) => ({ revisionId: written.revisionId, userId })))
          .onConflictDoNothing()
          .run();
      }
      if (through !== undefined) compact(tx, articleId, doc, through, now);
      return { folded: true, revisionNumber: written.number, contributors };
    },
    { behavior: 'immediate' },
  );
}

/** The stored state becomes the document as folded, and the updates it now holds are dropped. */
function compact(tx: Tx, articleId: number, doc: Y.Doc, through: number, now: Date): void {
  tx.update(articleCollabStates)
    .set({ state: Buffer.from(Y.encodeStateAsUpdate(doc)), throughUpdateId: through, updatedAt: now })
    .where(eq(articleCollabStates.articleId, articleId))
    .run();
  tx.delete(articleCollabUpdates).where(and(eq(articleCollabUpdates.articleId, articleId), lte(articleCollabUpdates.id, through))).run();
}

function sameText(tx: Tx, revisionId: number, text: RevisionText): boolean {
  const working = tx.select().from(revisions).where(eq(revisions.id, revisionId)).get();
  if (!working) return false;
  return (
    working.headline === text.headline &&
    working.standfirst === text.standfirst &&
    working.datelinePlace === text.datelinePlace &&
    working.datelineSource === text.datelineSource &&
    working.byline === text.byline &&
    working.leadPhotoId === text.leadPhotoId &&
    working.leadPhotoCaption === text.leadPhotoCaption &&
    working.leadPhotoCredit === text.leadPhotoCredit &&
    JSON.stringify(working.body) === text.bodyJson
  );
}

/** A revision folded from the shared document names its contributors; a person's own autosave does not. */
function isSharedFold(tx: Tx, revisionId: number): boolean {
  return tx.select({ userId: revisionContributors.userId }).from(revisionContributors).where(eq(revisionContributors.revisionId, revisionId)).get() !== undefined;
}

/** For the server's debounced store: a refusal is logged, never thrown, so the document stays open and typing goes on. */
export function foldAndLog(articleId: number, doc: Y.Doc): FoldOutcome {
  const outcome = foldArticleDocument(articleId, doc);
  if (outcome.folded === false && outcome.why === 'refused') {
    log.warn({ articleId, problem: outcome.problem, fields: outcome.fields }, 'co-edited text not folded: a save would refuse it');
  }
  return outcome;
}
