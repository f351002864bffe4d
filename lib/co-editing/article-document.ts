import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { AppError } from '@/lib/app-error';
import { type BodyDoc, EMPTY_BODY } from '@/lib/article-body';
import type { ArticleDraft, DraftField, DraftFields } from '@/lib/article-draft';
import { bodySchema } from '@/lib/editor/body-schema';
import { withoutTrailingParagraph, withTrailingParagraph } from '@/lib/editor/photo-guard';
import { checkBody } from '@/lib/editor/validate-body';
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

/**
 * Writes a draft into a document that has never held anything, in one transaction. A document is
 * seeded once in its life: Yjs merges two seeds as two sets of insertions, so every paragraph and
 * every field would appear twice.
 */
export function seedArticleDocument(doc: Y.Doc, draft: ArticleDraft): void {
  if (doc.store.clients.size > 0) throw new Error('This article document already has content; seeding it again would duplicate it');
  doc.transact(() => {
    writeFields(doc, draft);
    // Even an empty body is written: an editor that finds the fragment empty writes a paragraph of
    // its own at the first keystroke, and two people starting to type at once would leave two. For
    // the same reason a body ending in a photo gets its closing paragraph here, once.
    prosemirrorJSONToYXmlFragment(bodySchema, withTrailingParagraph(draft.body), bodyFragment(doc));
  });
}

/**
 * A whole draft from outside (a restore, a JSON API save) applied as ordinary changes, so people
 * typing elsewhere in the article keep their work: a field changes only by the span that differs,
 * and the body goes through y-tiptap's own reconciliation, the one the editor runs on every
 * keystroke, which leaves equal blocks alone and rewrites only the changed stretch of a changed
 * text block. An unchanged draft writes nothing.
 */
export function replaceDraftInDocument(doc: Y.Doc, draft: ArticleDraft): void {
  doc.transact(() => {
    writeFields(doc, draft);
    prosemirrorJSONToYXmlFragment(bodySchema, withTrailingParagraph(draft.body), bodyFragment(doc));
  });
}

/**
 * The draft a document holds, in the form a save stores. Throws INVALID when the body is not one a
 * save would accept (concurrent edits can leave, say, an emptied quote): the fold runs the same
 * check as a save and must not store what a save would refuse.
 */
export function draftOfDocument(doc: Y.Doc): ArticleDraft {
  return { ...fieldsOfDocument(doc), body: bodyOfDocument(doc) };
}

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

function bodyOfDocument(doc: Y.Doc): BodyDoc {
  const fragment = bodyFragment(doc);
  // Only a document never seeded has no blocks at all; the editor shows that as one empty paragraph.
  if (fragment.length === 0) return EMPTY_BODY;
  const result = checkBody(yXmlFragmentToProsemirrorJSON(fragment));
  if (!result.ok) throw new AppError('INVALID', 'The shared body is not one a save would accept.', { fields: { body: [result.problem] } });
  // y-tiptap leaves out attributes that are null and keeps marks in the order they were typed;
  // ProseMirror's JSON is the stored form, and the line kept for writing after a closing photo is not the story's.
  return withoutTrailingParagraph(result.doc.toJSON() as BodyDoc);
}

function writeFields(doc: Y.Doc, draft: ArticleDraft): void {
  for (const name of TEXT_FIELDS) writeField(doc, name, draft[name]);
  writeLeadPhoto(doc, draft.leadPhoto);
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
