import 'server-only';
import { getDb, type Tx } from '@/db/client';
import { eq } from 'drizzle-orm';
import { articleWireItems, wireItems } from '@/db/schema';
import type { BodyDoc } from '@/lib/article-body';
import { AppError } from '@/lib/app-error';
import { HEADLINE_MAX } from '@/lib/domain-constants';
import { bodyPlainText } from '@/lib/editor/body-text';
import type { SessionUser } from '@/lib/session-user';
import { normalTagName, TAG_NAME_MAX, TAGS_MAX } from '@/lib/validation/filing';
import type { WireItem, WirePhotoOutcome } from '@/lib/wire/wire-item';
import { insertDraft } from '@/server/articles/create-article';
import { storedBody } from '@/server/articles/save-article';
import { fileArticle } from '@/server/filing/file-article';
import { log } from '@/server/log/logger';
import { assertCan } from '@/server/policy';
import type { RevisionText } from '@/server/revisions/snapshot-revision';
import type { WireVersionView } from '@/lib/wire/wire-view';
import { wireItemByGuid, wireVersion } from './queries';

/**
 * "Use": a draft article made from the newest version of a wire item, keeping the agency's identity
 * and rights. The dateline is the item's place (in capitals, the wire way) and the agency; byline
 * and credit are the agency's; its subjects become tags; its photos (received through the photo
 * pipeline) become the lead photo and photos at the foot of the body. The article points back to
 * the item and the version it took, which carries the copyright notice and usage terms.
 */
export function draftFromWireItem(user: SessionUser, wireItemId: number, now = new Date()): { articleId: number } {
  assertCan(user, 'wire:use');
  assertCan(user, 'article:create');
  return getDb().transaction(
    (tx) => {
      const newest = wireItemByIdNewest(tx, wireItemId);
      const { item } = newest;
      if (item.pubStatus !== 'usable') {
        log.warn({ wireItemId, pubStatus: item.pubStatus }, 'wire item not usable');
        throw new AppError('CONFLICT', `The agency has ${item.pubStatus === 'canceled' ? 'canceled' : 'withheld'} this item: it cannot be used.`);
      }
      const { text, photos } = packageText(tx, newest);
      const revision = draftText(text, photos);
      const article = insertDraft(tx, user, now, 'article', revision, { wireGuid: item.guid, wireVersion: item.version });
      fileArticle(tx, user, { id: article.id, liveRevisionId: null, withdrawnAt: null }, { sectionId: null, tags: tagsOf(item), authorIds: [] }, now);
      tx.insert(articleWireItems).values({ articleId: article.id, wireItemId, takenVersion: newest.version, createdAt: now }).run();
      return { articleId: article.id };
    },
    { behavior: 'immediate' },
  );
}

function wireItemByIdNewest(tx: Tx, wireItemId: number): WireVersionView {
  const row = tx.select({ version: wireItems.version }).from(wireItems).where(eq(wireItems.id, wireItemId)).get();
  const version = row && wireVersion(tx, wireItemId, row.version);
  if (!version) throw new AppError('NOT_FOUND', 'There is no such item on the wire.');
  return version;
}

/**
 * A package's words are those of the text item it groups, when that item is on the wire; its own
 * photos come along. Any other item is its own text.
 */
function packageText(tx: Tx, chosen: WireVersionView): { text: WireItem; photos: WirePhotoOutcome[] } {
  if (chosen.item.kind !== 'package') return { text: chosen.item, photos: chosen.photos };
  for (const reference of chosen.item.references.filter((ref) => ref.kind === 'text')) {
    const found = wireItemByGuid(tx, reference.guid);
    const version = found && wireVersion(tx, found.id, found.version);
    if (version) return { text: { ...version.item, headline: version.item.headline || chosen.item.headline }, photos: [...chosen.photos, ...version.photos] };
  }
  return { text: chosen.item, photos: chosen.photos };
}

/** The draft's first revision: the agency's words and credits, cut to the article's field limits. */
export function draftText(item: WireItem, photos: readonly WirePhotoOutcome[]): RevisionText {
  const received = photos.filter((photo): photo is WirePhotoOutcome & { photoId: number } => photo.photoId !== null);
  const [lead, ...rest] = received;
  const body: BodyDoc = {
    type: 'doc',
    content: [...item.body.content, ...rest.map((photo) => ({ type: 'photo' as const, attrs: { photoId: photo.photoId, caption: null, credit: null, alt: null } }))],
  };
  return {
    headline: item.headline.slice(0, HEADLINE_MAX),
    standfirst: item.kind === 'text' ? item.description.slice(0, 1000) : '',
    datelinePlace: item.located.toUpperCase().slice(0, 100),
    datelineSource: (item.creditLine || item.provider || item.copyrightHolder).slice(0, 100),
    byline: item.byline.slice(0, 200),
    leadPhotoId: lead?.photoId ?? null,
    leadPhotoCaption: null,
    leadPhotoCredit: null,
    bodyJson: storedBody(body),
    bodyText: bodyPlainText(body),
  };
}

/** The item's subjects as tags, by name, as many as a story may carry. */
function tagsOf(item: WireItem): string[] {
  const names = item.subjects.map((subject) => normalTagName(subject.name).slice(0, TAG_NAME_MAX)).filter(Boolean);
  return [...new Set(names)].slice(0, TAGS_MAX);
}
