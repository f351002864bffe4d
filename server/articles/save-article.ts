import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { boundAsIs, getDb, preparedQuery } from '@/db/client';
import { articles, photos, revisions } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { MAX_BODY_BYTES } from '@/lib/article-body';
import { bodyPlainText } from '@/lib/editor/body-text';
import { type PhotoUse, photoUses } from '@/lib/photos/photo-use';
import { draftOf } from '@/lib/article-draft';
import type { ArticleView } from '@/lib/article-view';
import type { SessionUser } from '@/lib/session-user';
import type { ArticleFieldsInput, SaveArticleInput, SaveMode } from '@/lib/validation/article';
import { recordAudit } from '@/server/audit/record-audit';
import { fileArticle } from '@/server/filing/file-article';
import { sectionNameOf } from '@/server/filing/queries';
import { insertRevision, nextRevisionNumber, type RevisionText } from '@/server/revisions/snapshot-revision';
import { followWorkingCopy } from '@/server/co-editing/follow-working-copy';
import { findEditableArticle, loadArticleViewAfterWrite, staleVersionConflict } from './queries';
import { isPreviewedRevision } from '@/server/preview-links/queries';

/** A save as the domain takes it: an explicit save unless the mode says otherwise. */
export type SaveRequest = Omit<SaveArticleInput, 'mode'> & { mode?: SaveMode };

/** Autosaves by one author within this long of the autosave revision they started fold into it. */
export const AUTOSAVE_FOLD_MS = 5 * 60 * 1000;

/**
 * The body as it is stored, its JSON; TOO_LARGE past the limit. Serialised once: the text measured
 * is the text stored.
 */
export function storedBody(body: unknown): string {
  const json = JSON.stringify(body);
  const bodyBytes = Buffer.byteLength(json);
  if (bodyBytes > MAX_BODY_BYTES) {
    throw new AppError('TOO_LARGE', 'The body is too long to save.', {
      fields: { body: [`The body is ${(bodyBytes / 1e6).toFixed(1)} MB; the limit is 1 MB. Split the story.`] },
    });
  }
  return json;
}

const photosFoundQuery = preparedQuery((db) =>
  db
    .select({ id: photos.id })
    .from(photos)
    .where(inArray(photos.id, sql`(SELECT value FROM json_each(${sql.placeholder('ids')}))`))
    .prepare(),
);

/**
 * Refuses, by name, a photo that is not in the library rather than storing a dangling reference;
 * the message goes to the field of its first missing use.
 */
export function assertPhotosInLibrary(tx: Tx, uses: readonly PhotoUse[]): void {
  const found = new Set(
    uses.length === 0 ? [] : photosFoundQuery(tx).all({ ids: JSON.stringify(uses.map((use) => use.photoId)) }).map((row) => row.id),
  );
  const missing = uses.filter((use) => !found.has(use.photoId));
  if (missing.length > 0) {
    const field = missing.some((use) => use.place === 'lead') ? 'leadPhoto' : 'body';
    throw new AppError('INVALID', 'A photo in this article is not in the library.', {
      fields: { [field]: missing.map((use) => `Photo ${use.photoId} is not in the library; choose another.`) },
    });
  }
}

/**
 * The revision columns for a draft whose body is stored as `bodyJson` (see `storedBody`), once
 * every photo it uses is found in the library.
 */
export function revisionFields(tx: Tx, input: ArticleFieldsInput, bodyJson: string): RevisionText {
  assertPhotosInLibrary(tx, photoUses(input));
  return {
    headline: input.headline,
    standfirst: input.standfirst,
    datelinePlace: input.datelinePlace,
    datelineSource: input.datelineSource,
    byline: input.byline,
    leadPhotoId: input.leadPhoto?.photoId ?? null,
    leadPhotoCaption: input.leadPhoto?.caption ?? null,
    leadPhotoCredit: input.leadPhoto?.credit ?? null,
    bodyJson,
    bodyText: bodyPlainText(input.body),
  };
}

const workingRevisionQuery = preparedQuery((db) =>
  db
    .select({ id: revisions.id, number: revisions.number, kind: revisions.kind, authorId: revisions.authorId, createdAt: revisions.createdAt })
    .from(revisions)
    .where(eq(revisions.id, sql.placeholder('id')))
    .prepare(),
);

const foldAutosaveQuery = preparedQuery((db) =>
  db
    .update(revisions)
    .set({
      headline: boundAsIs('headline'),
      standfirst: boundAsIs('standfirst'),
      datelinePlace: boundAsIs('datelinePlace'),
      datelineSource: boundAsIs('datelineSource'),
      byline: boundAsIs('byline'),
      leadPhotoId: boundAsIs('leadPhotoId'),
      leadPhotoCaption: boundAsIs('leadPhotoCaption'),
      leadPhotoCredit: boundAsIs('leadPhotoCredit'),
      body: boundAsIs('bodyJson'),
      bodyText: boundAsIs('bodyText'),
      section: boundAsIs('section'),
    })
    .where(eq(revisions.id, sql.placeholder('id')))
    .prepare(),
);

/** The working copy moves to the saved revision. */
const moveWorkingCopyQuery = preparedQuery((db) =>
  db
    .update(articles)
    .set({
      version: sql`${articles.version} + 1`,
      workingRevisionId: boundAsIs('revisionId'),
      lastEditedAt: boundAsIs('now'),
      lastEditedBy: boundAsIs('userId'),
    })
    .where(and(eq(articles.id, sql.placeholder('articleId')), eq(articles.version, sql.placeholder('version'))))
    .prepare(),
);

/** The working revision, as a new write decides whether to fold into it. */
export type WorkingRevision = { id: number; number: number; kind: string; authorId: number; createdAt: Date };

/**
 * One write of an article's working copy: a new revision, or the working one rewritten when
 * `foldsInto` accepts it (autosaves fold; explicit saves never do). The article's version moves on
 * either way, and must still be `version` when the write lands.
 */
export type WorkingCopyWrite = {
  articleId: number;
  version: number;
  authorId: number;
  kind: 'save' | 'autosave';
  changeNote: string | null;
  text: RevisionText;
  section: string;
  /** Whether the write folds into the working revision, given the number a new one would take. */
  foldsInto: (working: WorkingRevision, nextNumber: number) => boolean;
  /** The audit action of a new revision (a fold adds to the revision already audited). */
  auditAction: string;
  now: Date;
};

export function writeWorkingCopy(tx: Tx, write: WorkingCopyWrite, workingRevisionId: number | null): { revisionId: number; number: number; folded: boolean } {
  const number = nextRevisionNumber(tx, write.articleId);
  const working = workingRevisionId ? workingRevisionQuery(tx).get({ id: workingRevisionId }) : undefined;
  // A revision a preview link shows is kept as it is: the reader of the link sees what it was made for.
  const folded = working !== undefined && write.foldsInto(working, number) && !isPreviewedRevision(tx, working.id);

  let revisionId: number;
  if (folded) {
    revisionId = working.id;
    foldAutosaveQuery(tx).run({ id: working.id, section: write.section, ...write.text });
  } else {
    revisionId = insertRevision(tx, {
      articleId: write.articleId,
      number,
      kind: write.kind,
      authorId: write.authorId,
      createdAt: write.now,
      changeNote: write.changeNote,
      section: write.section,
      ...write.text,
    });
    recordAudit(tx, {
      actorId: write.authorId,
      action: write.auditAction,
      targetType: 'article',
      targetId: write.articleId,
      details: { revision: number, version: write.version + 1 },
    });
  }

  moveWorkingCopyQuery(tx).run({
    revisionId,
    now: write.now.getTime(),
    userId: write.authorId,
    articleId: write.articleId,
    version: write.version,
  });
  return { revisionId, number: folded ? working.number : number, folded };
}

/**
 * Writes the working copy, based on the version the writer loaded. `save` is an explicit save and
 * always its own revision; `autosave` folds into the writer's own recent autosave revision; and
 * `keep_mine` is the writer's choice, after a conflict, to put their text on top of the other one.
 * A stale version is refused with the current state, so the writer's text never overwrites
 * anyone's and is never lost. (The editor no longer saves this way: it co-edits, decision 023. This
 * is the JSON API's save, and what a restore and co-editing fold share with it.)
 */
export function saveArticle(
  user: SessionUser,
  articleId: number,
  input: SaveRequest,
  now = new Date(),
): ArticleView {
  const bodyJson = storedBody(input.body);
  const mode = input.mode ?? 'save';

  const saved = getDb().transaction(
    (tx) => {
      const article = findEditableArticle(tx, user, articleId);
      if (article.version !== input.version) throw staleVersionConflict(tx, articleId, 'Your text has not been saved.');
      if (input.filing) fileArticle(tx, user, article, input.filing, now);

      writeWorkingCopy(
        tx,
        {
          articleId,
          version: input.version,
          authorId: user.id,
          kind: mode === 'autosave' ? 'autosave' : 'save',
          changeNote: mode === 'keep_mine' ? 'Kept over a conflicting version' : null,
          text: revisionFields(tx, input, bodyJson),
          section: sectionNameOf(tx, articleId),
          foldsInto: (working, nextNumber) =>
            mode === 'autosave' &&
            working.kind === 'autosave' &&
            working.authorId === user.id &&
            working.number === nextNumber - 1 &&
            now.getTime() - working.createdAt.getTime() < AUTOSAVE_FOLD_MS,
          auditAction: `article.${mode}`,
          now,
        },
        article.workingRevisionId,
      );
      return loadArticleViewAfterWrite(tx, articleId);
    },
    { behavior: 'immediate' },
  );
  // At once, in the same turn: no fold of the shared document can come between and undo the save.
  followWorkingCopy(articleId, draftOf(saved), user.id, now);
  return saved;
}
