import 'server-only';
import { eq, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { boundAsIs, preparedQuery, type Tx } from '@/db/client';
import { revisions } from '@/db/schema';
import type { RevisionKind } from '@/lib/domain-constants';

const latestNumberQuery = preparedQuery((db) =>
  db
    .select({ n: max(revisions.number) })
    .from(revisions)
    .where(eq(revisions.articleId, sql.placeholder('articleId')))
    .prepare(),
);

export function nextRevisionNumber(tx: Tx, articleId: number): number {
  return (latestNumberQuery(tx).get({ articleId })?.n ?? 0) + 1;
}

/** A revision's text (and photos), as `revisionFields` gives it, with the body as its stored JSON. */
export type RevisionText = {
  headline: string;
  standfirst: string;
  datelinePlace: string;
  datelineSource: string;
  byline: string;
  leadPhotoId: number | null;
  leadPhotoCaption: string | null;
  leadPhotoCredit: string | null;
  bodyJson: string;
  bodyText: string;
};

export type NewRevision = RevisionText & {
  articleId: number;
  number: number;
  kind: RevisionKind;
  authorId: number;
  createdAt: Date;
  section?: string;
  changeNote?: string | null;
};

// The body is bound as the JSON text its writer measured, not serialised a second time by Drizzle.
const insertRevisionQuery = preparedQuery((db) =>
  db
    .insert(revisions)
    .values({
      articleId: sql.placeholder('articleId'),
      number: sql.placeholder('number'),
      kind: sql.placeholder('kind'),
      authorId: sql.placeholder('authorId'),
      createdAt: sql.placeholder('createdAt'),
      section: sql.placeholder('section'),
      changeNote: sql.placeholder('changeNote'),
      headline: sql.placeholder('headline'),
      standfirst: sql.placeholder('standfirst'),
      datelinePlace: sql.placeholder('datelinePlace'),
      datelineSource: sql.placeholder('datelineSource'),
      byline: sql.placeholder('byline'),
      leadPhotoId: sql.placeholder('leadPhotoId'),
      leadPhotoCaption: sql.placeholder('leadPhotoCaption'),
      leadPhotoCredit: sql.placeholder('leadPhotoCredit'),
      body: boundAsIs('bodyJson'),
      bodyText: sql.placeholder('bodyText'),
    })
    .returning({ id: revisions.id })
    .prepare(),
);

/** Writes a revision of new text (a save, a restore, a conflict copy); returns its id. */
export function insertRevision(tx: Tx, revision: NewRevision): number {
  return insertRevisionQuery(tx).get({ section: '', changeNote: null, ...revision }).id;
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

const working = alias(revisions, 'working');
const latest = alias(revisions, 'latest');

/**
 * The working revision copied under the next number, inside SQLite: the text (and the body, the
 * largest part) never comes out to be parsed and serialised again. Every column in the table's
 * order, as Drizzle's INSERT … SELECT requires; the id is SQLite's to give.
 */
const snapshotQuery = preparedQuery((db) =>
  db
    .insert(revisions)
    .select(
      db
        .select({
          id: sql<number>`null`.as('id'),
          articleId: working.articleId,
          number: sql<number>`${db
            .select({ next: sql`max(${latest.number}) + 1` })
            .from(latest)
            .where(eq(latest.articleId, working.articleId))}`.as('number'),
          kind: sql<RevisionKind>`${sql.placeholder('kind')}`.as('kind'),
          authorId: sql<number>`${sql.placeholder('authorId')}`.as('author_id'),
          createdAt: sql<number>`${sql.placeholder('createdAt')}`.as('created_at'),
          headline: working.headline,
          standfirst: working.standfirst,
          datelinePlace: working.datelinePlace,
          datelineSource: working.datelineSource,
          byline: working.byline,
          section: working.section,
          body: working.body,
          bodyText: working.bodyText,
          leadPhotoId: working.leadPhotoId,
          leadPhotoCaption: working.leadPhotoCaption,
          leadPhotoCredit: working.leadPhotoCredit,
          changeNote: sql<string | null>`${sql.placeholder('changeNote')}`.as('change_note'),
          publicNote: sql<string | null>`${sql.placeholder('publicNote')}`.as('public_note'),
        })
        .from(working)
        .where(eq(working.id, sql.placeholder('workingRevisionId'))),
    )
    .returning({ id: revisions.id, number: revisions.number })
    .prepare(),
);

/**
 * Records a step of the status flow (submit, approve, return, publish…) as a revision of its own:
 * a copy of the working copy's text under a new number, so the history shows each step with the
 * exact text it was taken on. Returns the new revision, which becomes the working copy.
 */
export function snapshotWorkingCopy(tx: Tx, article: { id: number; workingRevisionId: number | null }, snapshot: Snapshot) {
  if (article.workingRevisionId === null) throw new Error(`article ${article.id} has no working copy`);
  const inserted = snapshotQuery(tx).get({
    workingRevisionId: article.workingRevisionId,
    kind: snapshot.kind,
    authorId: snapshot.authorId,
    createdAt: snapshot.at.getTime(),
    changeNote: snapshot.changeNote || null,
    publicNote: snapshot.publicNote || null,
  });
  if (!inserted) throw new Error(`article ${article.id} lost its working revision`);
  return inserted;
}
