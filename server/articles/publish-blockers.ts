import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { type Db, preparedQuery, type Tx } from '@/db/client';
import { articles, revisions } from '@/db/schema';
import type { BodyDoc } from '@/lib/article-body';
import { bodyHasWords } from '@/lib/editor/body-text';
import { type LeadPhoto, type PhotoCard, photoCardOf, photoUses } from '@/lib/photos/photo-use';
import { type PublishBlocker, publishBlockersOf, wirePublishBlockers } from '@/lib/publish-blockers';
import { env } from '@/server/env';
import { loadPhotoViews } from '@/server/photos/queries';
import { articleWireState } from '@/server/wire-ingest/queries';

type Draft = { headline: string; leadPhoto: LeadPhoto | null; body: BodyDoc };

/** The library photos a draft uses, as cards to show them, and what stops the draft being published. */
export function photosOfDraft(db: Db | Tx, draft: Draft): { photos: Record<number, PhotoCard>; publishBlockers: PublishBlocker[] } {
  const uses = photoUses(draft);
  const views = loadPhotoViews(
    db,
    uses.map((use) => use.photoId),
  );
  const cards: Record<number, PhotoCard> = Object.fromEntries([...views].map(([id, view]) => [id, photoCardOf(view)]));
  return { photos: cards, publishBlockers: publishBlockersOf({ headline: draft.headline, bodyHasWords: bodyHasWords(draft.body) }, uses, cards) };
}

export function leadPhotoOf(row: { leadPhotoId: number | null; leadPhotoCaption: string | null; leadPhotoCredit: string | null }): LeadPhoto | null {
  return row.leadPhotoId === null ? null : { photoId: row.leadPhotoId, caption: row.leadPhotoCaption, credit: row.leadPhotoCredit };
}

/**
 * What stops an article's working copy being published: an empty headline or body, each photo used
 * without a credit or caption, a lead photo without alt text, by name, and wire copy still under
 * embargo, canceled or withheld (docs/decisions/025). The publish step refuses
 * while this is not empty; the editor shows the same list as a checklist.
 */
export function publishBlockers(db: Db | Tx, articleId: number, now = new Date()): PublishBlocker[] {
  const row = workingDraftQuery(db).get({ articleId });
  if (!row) return [];
  const wire = articleWireState(db, articleId);
  return [
    ...photosOfDraft(db, { headline: row.headline, leadPhoto: leadPhotoOf(row), body: row.body as BodyDoc }).publishBlockers,
    ...(wire ? wirePublishBlockers(wire, now, env().NEWSROOM_TIMEZONE) : []),
  ];
}

const workingDraftQuery = preparedQuery((db) =>
  db
    .select({
      headline: revisions.headline,
      leadPhotoId: revisions.leadPhotoId,
      leadPhotoCaption: revisions.leadPhotoCaption,
      leadPhotoCredit: revisions.leadPhotoCredit,
      body: revisions.body,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.workingRevisionId))
    .where(eq(articles.id, sql.placeholder('articleId')))
    .prepare(),
);
