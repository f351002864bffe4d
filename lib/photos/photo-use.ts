import type { BodyBlock, BodyDoc, BodyListItem } from '@/lib/article-body';
import type { PhotoView } from './photo-view';

/** What an article needs of a library photo to show it. */
export type PhotoCard = Pick<PhotoView, 'id' | 'sha256' | 'originalName' | 'width' | 'height' | 'caption' | 'creditLine' | 'altText'>;

/** The part of a library photo an article keeps to show it. */
export function photoCardOf(photo: PhotoView): PhotoCard {
  return {
    id: photo.id,
    sha256: photo.sha256,
    originalName: photo.originalName,
    width: photo.width,
    height: photo.height,
    caption: photo.caption,
    creditLine: photo.creditLine,
    altText: photo.altText,
  };
}

/** The lead photo of an article: a library photo, with this article's own caption or credit if set. */
export type LeadPhoto = { photoId: number; caption: string | null; credit: string | null };

/** One place a photo is used in an article, with the overrides that use carries. */
export type PhotoUse = LeadPhoto & { place: 'lead' | 'body' };

/** What a reader sees under a photo in this article: its own override, else the library's. */
export function shownPhoto(card: PhotoCard, use: { caption?: string | null; credit?: string | null }) {
  return {
    caption: use.caption?.trim() || card.caption,
    credit: use.credit?.trim() || card.creditLine,
    alt: card.altText || card.caption,
  };
}

/** Every use of a photo in a draft: the lead first, then the body's in reading order. */
export function photoUses(draft: { leadPhoto: LeadPhoto | null; body: BodyDoc }): PhotoUse[] {
  return [...leadPhotoUses(draft.leadPhoto), ...bodyPhotoUses(draft.body)];
}

export function leadPhotoUses(leadPhoto: LeadPhoto | null): PhotoUse[] {
  return leadPhoto ? [{ ...leadPhoto, place: 'lead' }] : [];
}

/** The photos placed in a body, in reading order, with their overrides. */
export function bodyPhotoUses(body: BodyDoc): PhotoUse[] {
  const uses: PhotoUse[] = [];
  const walk = (blocks: readonly (BodyBlock | BodyListItem)[] | undefined) => {
    for (const block of blocks ?? []) {
      if (block.type === 'photo') {
        uses.push({ photoId: block.attrs.photoId, caption: block.attrs.caption ?? null, credit: block.attrs.credit ?? null, place: 'body' });
      } else if ('content' in block && block.type !== 'paragraph' && block.type !== 'heading') {
        walk(block.content);
      }
    }
  };
  walk(body.content);
  return uses;
}

export type PhotoPublishBlocker = { photoId: number; place: PhotoUse['place']; problem: 'missing' | 'credit' | 'caption' | 'alt'; message: string };

/**
 * Why the photos of a draft stop it being published: a photo used without a credit or a caption,
 * a lead photo without alt text, a photo no longer in the library. Each message names the photo.
 */
export function photoPublishBlockers(uses: readonly PhotoUse[], cards: Readonly<Record<number, PhotoCard>>): PhotoPublishBlocker[] {
  const blockers: PhotoPublishBlocker[] = [];
  for (const use of uses) {
    const where = use.place === 'lead' ? 'The lead photo' : 'The photo in the body';
    const card = cards[use.photoId];
    if (!card) {
      blockers.push({ ...pick(use), problem: 'missing', message: `${where} (photo ${use.photoId}) is no longer in the library.` });
      continue;
    }
    const name = `${where} “${card.originalName || `photo ${card.id}`}”`;
    const shown = shownPhoto(card, use);
    if (!shown.credit) blockers.push({ ...pick(use), problem: 'credit', message: `${name} has no credit.` });
    if (!shown.caption) blockers.push({ ...pick(use), problem: 'caption', message: `${name} has no caption.` });
    if (use.place === 'lead' && !card.altText) blockers.push({ ...pick(use), problem: 'alt', message: `${name} has no alt text.` });
  }
  return blockers;
}

function pick(use: PhotoUse) {
  return { photoId: use.photoId, place: use.place };
}
