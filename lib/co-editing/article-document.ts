import * as Y from 'yjs';
import type { DraftField, DraftFields } from '@/lib/article-draft';
import type { LeadPhoto } from '@/lib/photos/photo-use';

/**
 * How an article lives in its shared Yjs document (docs/decisions/023). The browser's editor, the
 * server's fold into revisions and the check of incoming updates all read these names, so a
 * document means the same thing everywhere.
 *
 * - `body`: the body as y-tiptap keeps it (Tiptap's Collaboration with `field: BODY_ROOT`). Photos
 *   in the body are `photo` nodes whose caption, credit and alt text are node attributes.
 * - `fields`: one Y.Text per plain field, so two people typing in the standfirst both keep their
 *   letters.
 * - `leadPhoto`: `photoId` (a number, or null for none) and the lead photo's caption and credit in
 *   this article as Y.Texts, kept even while there is no lead photo so nobody has to create them
 *   later (two people creating the same text at once would lose one of them).
 */
export const BODY_ROOT = 'body';
export const FIELDS_ROOT = 'fields';
export const LEAD_PHOTO_ROOT = 'leadPhoto';

/** The plain fields, each a Y.Text under FIELDS_ROOT; a new one in ArticleDraft fails to compile until it is listed here. */
export const TEXT_FIELDS = Object.keys({
  headline: true,
  standfirst: true,
  datelinePlace: true,
  datelineSource: true,
  byline: true,
} satisfies Record<DraftField, true>) as readonly DraftField[];

export const LEAD_PHOTO_ID = 'photoId';
/** This article's own words under its lead photo, each a Y.Text under LEAD_PHOTO_ROOT; empty means the library's. */
export const LEAD_PHOTO_TEXTS = ['caption', 'credit'] as const satisfies readonly (keyof LeadPhoto)[];

export const bodyFragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(BODY_ROOT);
export const fieldsMap = (doc: Y.Doc): Y.Map<Y.Text> => doc.getMap<Y.Text>(FIELDS_ROOT);
export const leadPhotoMap = (doc: Y.Doc): Y.Map<Y.Text | number | null> => doc.getMap<Y.Text | number | null>(LEAD_PHOTO_ROOT);

/** Everything but the body, which the editor shows from the document itself. */
export function fieldsOfDocument(doc: Y.Doc): DraftFields {
  const fields = fieldsMap(doc);
  const texts = Object.fromEntries(TEXT_FIELDS.map((name) => [name, fields.get(name)?.toString() ?? ''])) as Record<DraftField, string>;
  return { ...texts, leadPhoto: leadPhotoOfDocument(doc) };
}

function leadPhotoOfDocument(doc: Y.Doc): LeadPhoto | null {
  const lead = leadPhotoMap(doc);
  const photoId = lead.get(LEAD_PHOTO_ID);
  if (typeof photoId !== 'number') return null;
  const override = (name: (typeof LEAD_PHOTO_TEXTS)[number]) => {
    const text = lead.get(name);
    return (text instanceof Y.Text ? text.toString() : '') || null;
  };
  return { photoId, caption: override('caption'), credit: override('credit') };
}

/** One plain field turned into `value` by the span that differs (call inside a transaction to group it). */
export function writeField(doc: Y.Doc, name: DraftField, value: string): void {
  editText(textIn(fieldsMap(doc), name), value);
}

export function writeLeadPhoto(doc: Y.Doc, leadPhoto: LeadPhoto | null): void {
  const lead = leadPhotoMap(doc);
  const photoId = leadPhoto?.photoId ?? null;
  if (lead.get(LEAD_PHOTO_ID) !== photoId) lead.set(LEAD_PHOTO_ID, photoId);
  // Choosing no lead photo clears its words too, so the next photo chosen does not inherit them.
  for (const name of LEAD_PHOTO_TEXTS) editText(textIn(lead, name), leadPhoto?.[name] ?? '');
}

/** The Y.Text under a key, made on first use (a document seeded before the field existed gets it on the next write). */
function textIn<Other>(map: Y.Map<Y.Text | Other>, key: string): Y.Text {
  const existing = map.get(key);
  if (existing instanceof Y.Text) return existing;
  const text = new Y.Text();
  map.set(key, text);
  return text;
}

/**
 * Turns a text into `next` by replacing only what lies between their common beginning and end, so
 * someone typing in an unchanged part of the field keeps their place and their letters.
 */
export function editText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  const shorter = Math.min(current.length, next.length);
  let start = 0;
  while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  // Never between the halves of a surrogate pair (an emoji): Yjs turns a half it splits off into U+FFFD.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < shorter - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  text.delete(start, current.length - start - end);
  text.insert(start, next.slice(start, next.length - end));
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
