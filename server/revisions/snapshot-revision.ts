import 'server-only';
import { eq, max } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { revisions } from '@/db/schema';
import type { RevisionKind } from '@/lib/domain-constants';

export function nextRevisionNumber(tx: Tx, articleId: number): number {
  const latest = tx.select({ n: max(revisions.number) }).from(revisions).where(eq(revisions.articleId, articleId)).get();
  return (latest?.n ?? 0) + 1;
}

type Snapshot = {
  kind: RevisionKind;
  authorId: number;
  at: Date;
  /** The desk's note on this step: why it was returned, what an update changed. */
  changeNote?: string | null;
  /** A correction's note for readers. */
  publicNote?: string | null;
};

/** A revision's text (and photos), without what belongs to that one revision: its number, kind, author and notes. */
function textOf(revision: typeof revisions.$inferSelect) {
  return {
    articleId: revision.articleId,
    headline: revision.headline,
    standfirst: revision.standfirst,
    datelinePlace: revision.datelinePlace,
    datelineSource: revision.datelineSource,
    byline: revision.byline,
    section: revision.section,
    body: revision.body,
    bodyText: revision.bodyText,
    leadPhotoId: revision.leadPhotoId,
    leadPhotoCaption: revision.leadPhotoCaption,
    leadPhotoCredit: revision.leadPhotoCredit,
  };
}

/**
 * Records a step of the status flow (submit, approve, return, publish…) as a revision of its own:
 * a copy of the working copy's text under a new number, so the history shows each step with the
 * exact text it was taken on. Returns the new revision, which becomes the working copy.
 */
export function snapshotWorkingCopy(tx: Tx, article: { id: number; workingRevisionId: number | null }, snapshot: Snapshot) {
  if (article.workingRevisionId === null) throw new Error(`article ${article.id} has no working copy`);
  const working = tx.select().from(revisions).where(eq(revisions.id, article.workingRevisionId)).get();
  if (!working) throw new Error(`article ${article.id} lost its working revision`);
  const number = nextRevisionNumber(tx, article.id);
  const inserted = tx
    .insert(revisions)
    .values({
      ...textOf(working),
      number,
      kind: snapshot.kind,
      authorId: snapshot.authorId,
      createdAt: snapshot.at,
      changeNote: snapshot.changeNote || null,
      publicNote: snapshot.publicNote || null,
    })
    .returning({ id: revisions.id })
    .get();
  return { id: inserted.id, number };
}
