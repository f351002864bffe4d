import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isAppError } from '@/lib/app-error';
import { type BodyBlockquote, BodyDoc, EMPTY_BODY } from '@/lib/article-body';
import { type ArticleDraft, sameDraft } from '@/lib/article-draft';
import { bodySchema } from '@/lib/editor/body-schema';
import { FULL_BODY } from '@/tests/body-fixtures';
import { copyOf, seededDocument, updatesWhile } from '@/tests/co-editing-fixtures';
import { draftOfDocument, replaceDraftInDocument, seedArticleDocument } from './article-body-document';
import { bodyFragment, editText, fieldsMap, LEAD_PHOTO_ID, leadPhotoMap } from './article-document';

/**
 * Every node and mark the schema has, and a photo that keeps the library's words (its overrides
 * null), as a save stores it: BodyDoc gives ProseMirror's JSON, key order included.
 */
const richBody = BodyDoc.parse({
  ...FULL_BODY,
  content: [...FULL_BODY.content, { type: 'photo', attrs: { photoId: 9, caption: null, credit: null, alt: null } }],
});

const richDraft: ArticleDraft = {
  headline: 'Council votes for 400 new homes',
  standfirst: 'The plan passed 31 to 12 after a long debate',
  datelinePlace: 'LEEDS',
  datelineSource: 'Yorkshire Post',
  byline: 'Amira Shah',
  leadPhoto: { photoId: 12, caption: 'The site at Kirkstall', credit: null },
  body: richBody,
};

const emptyDraft: ArticleDraft = {
  headline: '',
  standfirst: '',
  datelinePlace: '',
  datelineSource: '',
  byline: '',
  leadPhoto: null,
  body: EMPTY_BODY,
};

/** Brings two participants' copies together, as the server does by relaying each one's updates to the other. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('an article in a shared document', () => {
  it('reads back exactly the draft it was seeded with, also on another participant’s copy', () => {
    const doc = seededDocument(richDraft);

    expect(draftOfDocument(doc)).toEqual(richDraft);
    expect(sameDraft(draftOfDocument(doc), richDraft)).toBe(true);
    expect(sameDraft(draftOfDocument(copyOf(doc)), richDraft)).toBe(true);
  });

  it('keeps each plain field and the lead photo’s words as shared text, and the body as y-tiptap’s fragment', () => {
    const doc = seededDocument(richDraft);

    expect(fieldsMap(doc).get('headline')).toBeInstanceOf(Y.Text);
    expect(fieldsMap(doc).get('headline')?.toString()).toBe(richDraft.headline);
    expect(leadPhotoMap(doc).get(LEAD_PHOTO_ID)).toBe(12);
    expect(leadPhotoMap(doc).get('caption')?.toString()).toBe('The site at Kirkstall');
    // An empty credit is still a text, ready for someone to type into.
    expect(leadPhotoMap(doc).get('credit')).toBeInstanceOf(Y.Text);
    const photo = (index: number) => bodyFragment(doc).get(index) as Y.XmlElement;
    expect(photo(4).nodeName).toBe('photo');
    expect(photo(4).getAttributes()).toEqual({ photoId: 7, caption: 'The chamber', credit: 'Ana Lens/Dateline', alt: 'Councillors voting' });
    // y-tiptap stores no null attributes; reading the body puts them back.
    expect(photo(6).getAttributes()).toEqual({ photoId: 9 });
  });

  it('reads a document that holds nothing as an empty draft, and seeds an empty draft as one empty paragraph', () => {
    expect(draftOfDocument(new Y.Doc())).toEqual(emptyDraft);

    const doc = seededDocument(emptyDraft);
    expect(draftOfDocument(doc)).toEqual(emptyDraft);
    expect(bodyFragment(doc).length).toBe(1);
    expect(leadPhotoMap(doc).get(LEAD_PHOTO_ID)).toBeNull();
  });

  it('refuses to seed a document twice, or one that already holds anyone’s changes', () => {
    const doc = seededDocument(richDraft);
    expect(() => seedArticleDocument(doc, richDraft)).toThrow(/already has content/);
    expect(draftOfDocument(doc)).toEqual(richDraft);

    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(() => seedArticleDocument(copy, emptyDraft)).toThrow(/already has content/);
  });

  it('refuses to read a body a save would refuse, naming the problem', () => {
    const doc = seededDocument(emptyDraft);
    bodyFragment(doc).insert(1, [new Y.XmlElement('blockquote')]);

    let thrown: unknown;
    try {
      draftOfDocument(doc);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown, 'INVALID')).toBe(true);
    expect(isAppError(thrown) && thrown.details.fields).toEqual({ body: ['A quote cannot be empty'] });
  });
});

describe('a whole draft applied to a live document', () => {
  it('writes nothing when nothing changed', () => {
    const doc = seededDocument(richDraft);
    expect(updatesWhile(doc, () => replaceDraftInDocument(doc, structuredClone(richDraft)))).toEqual([]);
  });

  it('changes the document to the new draft in one update', () => {
    const doc = seededDocument(richDraft);
    const restored: ArticleDraft = {
      ...emptyDraft,
      headline: 'Housing vote delayed',
      body: BodyDoc.parse({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council will vote in March.' }] }] }),
    };

    expect(updatesWhile(doc, () => replaceDraftInDocument(doc, restored))).toHaveLength(1);
    expect(draftOfDocument(doc)).toEqual(restored);
    expect(draftOfDocument(copyOf(doc))).toEqual(restored);
  });

  it('keeps what someone types meanwhile in the same field and elsewhere in the body', () => {
    const server = seededDocument(richDraft);
    const writer = copyOf(server);

    // The writer adds to the end of the headline and types in the quote...
    editText(fieldsMap(writer).get('headline')!, 'Council votes for 400 new homes in Kirkstall');
    const typed = yXmlFragmentToProsemirrorJSON(bodyFragment(writer)) as { content: { content: { content: { text: string }[] }[] }[] };
    typed.content[3]!.content[0]!.content[0]!.text = 'We listed three demands, said the residents’ group:';
    prosemirrorJSONToYXmlFragment(bodySchema, typed, bodyFragment(writer));

    // ...while an API save changes the start of the headline and the first heading.
    const saved: ArticleDraft = structuredClone(richDraft);
    saved.headline = 'Leeds council votes for 400 new homes';
    saved.body.content[0] = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Council votes yes' }] };
    replaceDraftInDocument(server, saved);

    exchange(server, writer);

    const merged = draftOfDocument(server);
    expect(merged.headline).toBe('Leeds council votes for 400 new homes in Kirkstall');
    const expected = structuredClone(saved.body);
    (expected.content[3] as BodyBlockquote).content[0] = { type: 'paragraph', content: [{ type: 'text', text: 'We listed three demands, said the residents’ group:' }] };
    expect(merged.body).toEqual(expected);
    expect(draftOfDocument(writer)).toEqual(merged);
  });

  it('clears the lead photo’s words with the photo, so the next photo chosen starts with the library’s', () => {
    const doc = seededDocument(richDraft);

    replaceDraftInDocument(doc, { ...richDraft, leadPhoto: null });
    expect(draftOfDocument(doc).leadPhoto).toBeNull();
    expect(leadPhotoMap(doc).get('caption')?.toString()).toBe('');

    replaceDraftInDocument(doc, { ...richDraft, leadPhoto: { photoId: 31, caption: null, credit: 'Pool' } });
    expect(draftOfDocument(doc).leadPhoto).toEqual({ photoId: 31, caption: null, credit: 'Pool' });
  });
});

describe('a text edited to a new value', () => {
  it('changes only the span between what the old and new values share, so concurrent typing at either end survives', () => {
    const server = new Y.Doc();
    fieldsMap(server).set('standfirst', new Y.Text('Crews accept a pay offer'));
    const writer = copyOf(server);

    fieldsMap(writer).get('standfirst')!.insert(0, 'After nine days, ');
    fieldsMap(writer).get('standfirst')!.insert('After nine days, Crews accept a pay offer'.length, ' tonight');
    editText(fieldsMap(server).get('standfirst')!, 'Crews accept a better pay offer');
    exchange(server, writer);

    expect(fieldsMap(server).get('standfirst')!.toString()).toBe('After nine days, Crews accept a better pay offer tonight');
  });

  it('never splits an emoji’s surrogate pair, which Yjs would turn into replacement characters', () => {
    const server = new Y.Doc();
    fieldsMap(server).set('headline', new Y.Text('Storm 😀 warning'));
    const reader = copyOf(server);

    // 😀 and 😁 share their first half: a plain common-beginning diff would end inside the pair.
    editText(fieldsMap(server).get('headline')!, 'Storm 😁 warning');
    exchange(server, reader);
    expect(fieldsMap(reader).get('headline')!.toString()).toBe('Storm 😁 warning');

    // 😀 and 🨀 share their second half: a plain common-end diff would start inside the pair.
    editText(fieldsMap(server).get('headline')!, 'Storm 😀 warning');
    editText(fieldsMap(server).get('headline')!, 'Storm 🨀 warning');
    exchange(server, reader);
    expect(fieldsMap(reader).get('headline')!.toString()).toBe('Storm 🨀 warning');
  });
});
