import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { AppError } from '@/lib/app-error';
import { type BodyDoc, EMPTY_BODY } from '@/lib/article-body';
import type { ArticleDraft } from '@/lib/article-draft';
import { bodySchema } from '@/lib/editor/body-schema';
import { withoutTrailingParagraph, withTrailingParagraph } from '@/lib/editor/photo-guard';
import { checkBody } from '@/lib/editor/validate-body';
import { bodyFragment, fieldsOfDocument, TEXT_FIELDS, writeField, writeLeadPhoto } from './article-document';

// The whole article in its shared document, the body with it: what the server seeds, folds and
// follows, and what the browser checks a local copy with. Apart from article-document.ts, whose
// fields the editor binds from its first render, because the body brings the editor's schema.

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

