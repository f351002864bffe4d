import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Db, getDb, type Tx } from '@/db/client';
import { articles, revisions, users } from '@/db/schema';
import type { BodyBlock, BodyListItem } from '@/lib/article-body';
import type { Role } from '@/lib/domain-constants';
import { type PhotoCard, photoUses, shownPhoto } from '@/lib/photos/photo-use';
import { leavesNothing, redactPublished } from '@/lib/legal-removals/redact';
import { compareRevisions, type RevisionSnapshot } from '@/lib/revisions/revision-diff';
import { CHANGES_PAGE_SIZE, changesPath, type ListedKind, PUBLIC_REVISION_KINDS, type StoryChanges, type StoryVersion } from '@/lib/story-changes/story-changes';
import { removalPatternsOf } from '@/server/legal-removals/queries';
import { type NewsroomSettings, newsroomSettingsNow } from '@/server/newsroom-settings/queries';
import { loadPhotoViews } from '@/server/photos/queries';
import { snapshotOf } from '@/server/revisions/compare-revisions';

/** How a version's publisher is named when the newsroom credits by role: never a person's name. */
const PUBLIC_ROLE_NAMES: Record<Role, string> = { editor: 'An editor', copy_editor: 'The copy desk', admin: 'The newsroom' };

type VersionRow = { id: number; number: number; kind: (typeof PUBLIC_REVISION_KINDS)[number]; at: Date; note: string | null; role: Role };
type ListedRow = VersionRow & { kind: ListedKind; folded: number; base: VersionRow | null };

/**
 * The public history of the story at this address (live or withdrawn), a page of it: the versions
 * listed before `before` (a version number), newest first, `CHANGES_PAGE_SIZE` of them. Undefined
 * for an address with no story that was ever public, or a page past the end. Only the versions
 * shown, and the one each is compared with, are read whole: a story of 200 versions costs twenty
 * diffs a page.
 */
export function findStoryChanges(slug: string, before?: number, pageSize = CHANGES_PAGE_SIZE): StoryChanges | undefined {
  return getDb().transaction((tx) => {
    const story = tx
      .select({
        id: articles.id,
        slug: articles.slug,
        withdrawnAt: articles.withdrawnAt,
        headline: revisions.headline,
        standfirst: revisions.standfirst,
        bodyText: revisions.bodyText,
      })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.liveRevisionId))
      .where(eq(articles.slug, slug))
      .get();
    if (!story) return undefined;
    const pattern = removalPatternsOf(tx, [story.id]).get(story.id) ?? null;
    // A withdrawn story whose words legal removals have taken away whole has no history to offer.
    if (story.withdrawnAt !== null && leavesNothing([story.headline, story.standfirst, story.bodyText], pattern)) return undefined;
    const { listed, minorFixesSince } = listedVersions(tx, story.id);
    // An older page starts after the version that ended the page before it: any other number is
    // no page, so made-up addresses cannot fill the public cache with copies.
    const start = before === undefined ? 0 : listed.findIndex((row) => row.number === before) + 1;
    if (start === 0 && before !== undefined) return undefined;
    const shown = listed.slice(start, start + pageSize);
    if (shown.length === 0 && before !== undefined) return undefined;

    const snapshots = readSnapshots(
      tx,
      shown.flatMap((row) => [row.id, ...(row.base ? [row.base.id] : [])]),
    );
    const readable = new Map([...snapshots.texts].map(([id, snapshot]) => [id, redactPublished(snapshot, pattern)]));
    const settings = newsroomSettingsNow(tx);
    const versions: StoryVersion[] = shown.map((row) => ({
      number: row.number,
      kind: row.kind,
      at: row.at.toISOString(),
      note: row.note === null ? null : redactPublished({ note: row.note }, pattern).note,
      publishedBy: publisherName(row.role, settings),
      foldedMinorFixes: row.folded,
      diff: row.base ? compareRevisions(readable.get(row.base.id)!, readable.get(row.id)!) : null,
    }));
    const newer = start === 0 ? null : start - pageSize <= 0 ? changesPath(story.slug) : changesPath(story.slug, listed[start - pageSize - 1]!.number);
    const older = start + pageSize < listed.length ? changesPath(story.slug, shown.at(-1)!.number) : null;
    return {
      articleId: story.id,
      slug: story.slug,
      headline: redactPublished({ headline: story.headline }, pattern).headline,
      withdrawn: story.withdrawnAt !== null,
      listedCount: listed.length,
      minorFixesSince,
      versions,
      newerPath: newer,
      olderPath: older,
      photoIds: snapshots.photoIds,
    };
  });
}

/**
 * The versions a reader is told of, newest first, each with the listed version before it (what its
 * diff is against) and how many minor fixes it folds in; and the minor fixes after the newest.
 */
function listedVersions(tx: Tx, articleId: number): { listed: ListedRow[]; minorFixesSince: number } {
  const rows: VersionRow[] = tx
    .select({ id: revisions.id, number: revisions.number, kind: revisions.kind, at: revisions.createdAt, note: revisions.publicNote, role: users.role })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.articleId, articleId), inArray(revisions.kind, PUBLIC_REVISION_KINDS)))
    .orderBy(asc(revisions.number))
    .all() as VersionRow[];
  const listed: ListedRow[] = [];
  let folded = 0;
  for (const row of rows) {
    if (row.kind === 'minor_fix') folded++;
    else {
      listed.push({ ...row, kind: row.kind, folded, base: listed.at(-1) ?? null });
      folded = 0;
    }
  }
  return { listed: listed.reverse(), minorFixesSince: folded };
}

function publisherName(role: Role, settings: NewsroomSettings): string {
  return settings.changesCredit === 'desk' ? settings.deskName : PUBLIC_ROLE_NAMES[role];
}

/**
 * The revisions' text as readers read it, by revision id: each photo with the caption and credit
 * printed under it (the story's own, else the library's as it is now: the library keeps no history).
 */
function readSnapshots(db: Db | Tx, ids: readonly number[]): { texts: Map<number, RevisionSnapshot>; photoIds: number[] } {
  if (ids.length === 0) return { texts: new Map(), photoIds: [] };
  const rows = db.select().from(revisions).where(inArray(revisions.id, [...new Set(ids)])).all();
  const stored = rows.map((row) => ({ id: row.id, snapshot: snapshotOf(row) }));
  const views = loadPhotoViews(
    db,
    stored.flatMap(({ snapshot }) => photoUses(snapshot).map((use) => use.photoId)),
  );
  const card = (photoId: number) => views.get(photoId);
  const texts = new Map<number, RevisionSnapshot>();
  for (const { id, snapshot } of stored) {
    const { leadPhoto, body } = snapshot;
    const lead = leadPhoto && card(leadPhoto.photoId);
    texts.set(id, {
      ...snapshot,
      leadPhoto: leadPhoto && (lead ? { photoId: leadPhoto.photoId, ...printedUnder(lead, leadPhoto) } : leadPhoto),
      body: { ...body, content: withPrintedCaptions(body.content, card) },
    });
  }
  return { texts, photoIds: [...views.keys()] };
}

function printedUnder(card: PhotoCard, use: { caption?: string | null; credit?: string | null }): { caption: string; credit: string } {
  const { caption, credit } = shownPhoto(card, use);
  return { caption, credit };
}

function withPrintedCaptions<Block extends BodyBlock | BodyListItem>(blocks: readonly Block[], card: (photoId: number) => PhotoCard | undefined): Block[] {
  return blocks.map((block) => {
    if (block.type === 'photo') {
      const shown = card(block.attrs.photoId);
      return shown ? ({ ...block, attrs: { ...block.attrs, ...printedUnder(shown, block.attrs) } } as Block) : block;
    }
    if (block.type === 'blockquote' || block.type === 'bulletList' || block.type === 'orderedList' || block.type === 'listItem') {
      return { ...block, content: withPrintedCaptions<BodyBlock | BodyListItem>(block.content, card) } as Block;
    }
    return block;
  });
}

