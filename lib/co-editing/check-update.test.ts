import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BodyDoc } from '@/lib/article-body';
import type { ArticleDraft } from '@/lib/article-draft';
import { bodySchema } from '@/lib/editor/body-schema';
import { copyOf, seededDocument, updatesWhile } from '@/tests/co-editing-fixtures';
import { draftOfDocument, replaceDraftInDocument, seedArticleDocument } from './article-body-document';
import { bodyFragment, editText, fieldsMap, LEAD_PHOTO_ID, leadPhotoMap } from './article-document';
import { checkUpdate, MAX_TEXT_LENGTH, MAX_UPDATE_BYTES } from './check-update';

const draft: ArticleDraft = {
  headline: 'Council approves harbour plan',
  standfirst: 'The vote was seven to two',
  datelinePlace: 'LERWICK',
  datelineSource: '',
  byline: 'Jo Tait',
  leadPhoto: { photoId: 4, caption: 'The harbour at dawn', credit: null },
  body: BodyDoc.parse({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Councillors approved the plan on Tuesday.' }] },
      { type: 'photo', attrs: { photoId: 9, caption: 'The new pier', credit: null } },
      { type: 'paragraph', content: [{ type: 'text', text: 'Work starts in spring.' }] },
    ],
  }),
};

type Json = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: unknown[]; content?: Json[] };

const seededServer = () => seededDocument(draft);

/** What a participant's browser sends for `edit`, merged into one update. */
function updateFrom(client: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const updates = updatesWhile(client, () => edit(client));
  expect(updates.length).toBeGreaterThan(0);
  return Y.mergeUpdates(updates);
}

/** An edit made through the editor's binding: y-tiptap reconciles the fragment with the new ProseMirror document, as on every keystroke. */
function editBody(change: (body: Json) => void): (doc: Y.Doc) => void {
  return (doc) => {
    const body = yXmlFragmentToProsemirrorJSON(bodyFragment(doc)) as Json;
    change(body);
    prosemirrorJSONToYXmlFragment(bodySchema, body, bodyFragment(doc));
  };
}

const block = (body: Json, index: number) => body.content![index]!;
const firstText = (doc: Y.Doc) => (bodyFragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const photoElement = (doc: Y.Doc) => bodyFragment(doc).get(1) as Y.XmlElement;

/** Checks an edit on a fresh copy of the server's document, and applies it there when it passes, as the server would. */
function checkEdit(edit: (doc: Y.Doc) => void, server = seededServer()) {
  const update = updateFrom(copyOf(server), edit);
  const result = checkUpdate(update, server);
  if (result.ok) Y.applyUpdate(server, update);
  return result;
}

describe('an update from someone editing the article', () => {
  it.each<[string, (doc: Y.Doc) => void]>([
    ['typing in a paragraph', editBody((body) => (block(body, 2).content![0]!.text = 'Work starts in early spring, the council said.'))],
    ['deleting text', editBody((body) => (block(body, 0).content![0]!.text = 'Councillors approved the plan.'))],
    [
      'making a word bold and another a link',
      editBody((body) => {
        block(body, 0).content = [
          { type: 'text', text: 'Councillors ' },
          { type: 'text', text: 'approved', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' the ' },
          { type: 'text', text: 'plan', marks: [{ type: 'link', attrs: { href: 'https://shetland.gov.uk/harbour' } }] },
        ];
      }),
    ],
    ['turning a paragraph into a heading', editBody((body) => (body.content![2] = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Work starts in spring.' }] }))],
    [
      'inserting a photo with a caption and a credit',
      editBody((body) => body.content!.push({ type: 'photo', attrs: { photoId: 15, caption: 'The old pier', credit: 'Archive' } })),
    ],
    ['adding a list in a quote', editBody((body) => body.content!.push({ type: 'blockquote', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }))],
    ['changing a body photo’s caption', (doc) => photoElement(doc).setAttribute('caption', 'The new pier, seen from the ferry')],
    ['giving a body photo a credit it did not have', (doc) => photoElement(doc).setAttribute('credit', 'Jo Tait')],
    ['removing a body photo’s caption', (doc) => photoElement(doc).removeAttribute('caption')],
    ['editing the headline', (doc) => editText(fieldsMap(doc).get('headline')!, 'Council approves Lerwick harbour plan')],
    ['typing the dateline source into its empty text', (doc) => fieldsMap(doc).get('datelineSource')!.insert(0, 'Shetland Times')],
    ['changing the lead photo’s caption', (doc) => (leadPhotoMap(doc).get('caption') as Y.Text).insert(0, 'Sunrise: ')],
    ['choosing another lead photo', (doc) => leadPhotoMap(doc).set(LEAD_PHOTO_ID, 21)],
    ['removing the lead photo', (doc) => leadPhotoMap(doc).set(LEAD_PHOTO_ID, null)],
    ['a restore applied as a whole draft', (doc) => replaceDraftInDocument(doc, { ...draft, headline: 'Harbour plan approved', leadPhoto: null })],
  ])('passes: %s', (_, edit) => {
    const server = seededServer();
    expect(checkEdit(edit, server)).toEqual({ ok: true });
    // The checked update does what the editor meant, and leaves a body a save accepts.
    expect(() => draftOfDocument(server)).not.toThrow();
  });

  it('passes a reconnecting browser’s whole offline session, sent as one update', () => {
    const server = seededServer();
    const client = copyOf(server);
    editBody((body) => (block(body, 0).content![0]!.text = 'Councillors narrowly approved the plan on Tuesday.'))(client);
    editBody((body) => body.content!.push({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Reaction', marks: [{ type: 'italic' }] }] }))(client);
    photoElement(client).setAttribute('caption', 'The pier');
    photoElement(client).setAttribute('caption', 'The new pier at low tide');
    editText(fieldsMap(client).get('standfirst')!, 'The vote was seven to two after a long debate');

    // What the provider sends in answer to the server's state: everything the server lacks.
    const catchUp = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(checkUpdate(catchUp, server)).toEqual({ ok: true });
    // Sent again (a retry after a lost acknowledgement), the items the server already has pass too.
    Y.applyUpdate(server, catchUp);
    expect(checkUpdate(catchUp, server)).toEqual({ ok: true });
  });

  it('passes one update gathering the changes of many participants', () => {
    const server = seededServer();
    const changes = Array.from({ length: 130 }, (_, index) => updateFrom(copyOf(server), (doc) => firstText(doc).insert(0, `${index} `)));
    expect(checkUpdate(Y.mergeUpdates(changes), server)).toEqual({ ok: true });
  });

  it.each<[string, (body: Json) => void, (doc: Y.Doc) => void]>([
    ['typing into a paragraph', (body) => body.content!.splice(0, 1), (doc) => firstText(doc).insert(11, ' finally')],
    ['changing a photo’s caption', (body) => body.content!.splice(1, 1), (doc) => photoElement(doc).setAttribute('caption', 'The pier')],
    ['giving a photo a credit', (body) => body.content!.splice(1, 1), (doc) => photoElement(doc).setAttribute('credit', 'Jo Tait')],
  ])('passes %s someone else removed meanwhile, which Yjs discards', (_, removal, edit) => {
    const server = seededServer();
    const editor = copyOf(server);
    const removed = updateFrom(copyOf(server), editBody(removal));
    expect(checkUpdate(removed, server)).toEqual({ ok: true });
    Y.applyUpdate(server, removed);

    const late = updateFrom(editor, edit);
    expect(checkUpdate(late, server)).toEqual({ ok: true });
    Y.applyUpdate(server, late);
    expect(draftOfDocument(server).body.content).toHaveLength(2);
  });

  it('passes text and attributes up to the length limit', () => {
    const long = 'x'.repeat(MAX_TEXT_LENGTH);
    expect(checkEdit((doc) => firstText(doc).insert(0, long))).toEqual({ ok: true });
    expect(checkEdit((doc) => photoElement(doc).setAttribute('caption', long))).toEqual({ ok: true });
  });
});

describe('a hostile or broken update', () => {
  const refusal = (reason: string) => ({ ok: false, reason });

  it('is refused when it does not decode', () => {
    const server = seededServer();
    expect(checkUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02]), server)).toEqual(refusal('malformed-update'));

    const real = updateFrom(copyOf(server), (doc) => firstText(doc).insert(0, 'Breaking: '));
    expect(checkUpdate(real.slice(0, real.length - 6), server)).toEqual(refusal('malformed-update'));
  });

  it('is refused when larger than the limit, before it is decoded', () => {
    const server = seededServer();
    const paste = updateFrom(copyOf(server), (doc) => {
      // Twenty paragraphs, none too long on its own: only the total is.
      for (let i = 0; i < 20; i++) bodyFragment(doc).insert(0, [paragraphOf('y'.repeat(MAX_UPDATE_BYTES / 16))]);
    });
    expect(paste.byteLength).toBeGreaterThan(MAX_UPDATE_BYTES);
    expect(checkUpdate(paste, server)).toEqual(refusal('update-too-large'));
    expect(checkUpdate(new Uint8Array(2_000), server, { maxUpdateBytes: 1_000 })).toEqual(refusal('update-too-large'));
  });

  it('is refused when one run of text or one attribute is longer than the limit', () => {
    const tooLong = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(checkEdit((doc) => firstText(doc).insert(0, tooLong))).toEqual(refusal('text-too-long'));
    expect(checkEdit((doc) => fieldsMap(doc).get('headline')!.insert(0, tooLong))).toEqual(refusal('text-too-long'));
    expect(checkEdit((doc) => photoElement(doc).setAttribute('caption', tooLong))).toEqual(refusal('text-too-long'));
    const server = seededServer();
    expect(checkUpdate(updateFrom(copyOf(server), (doc) => firstText(doc).insert(0, 'twelve chars')), server, { maxTextLength: 11 })).toEqual(
      refusal('text-too-long'),
    );
  });

  it('is refused when it writes to a root the article does not have', () => {
    expect(checkEdit((doc) => doc.getText('evil').insert(0, 'x'))).toEqual(refusal('unknown-root'));
    expect(checkEdit((doc) => doc.getMap('evil').set('headline', 'x'))).toEqual(refusal('unknown-root'));
    expect(checkEdit((doc) => doc.getXmlFragment('default').insert(0, [paragraphOf('x')]))).toEqual(refusal('unknown-root'));
  });

  it('is refused when it adds an element the body schema does not have, anywhere in the body', () => {
    expect(checkEdit((doc) => bodyFragment(doc).insert(0, [new Y.XmlElement('script')]))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => (bodyFragment(doc).get(0) as Y.XmlElement).insert(1, [new Y.XmlElement('iframe')]))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => bodyFragment(doc).insert(0, [new Y.XmlElement('doc')]))).toEqual(refusal('disallowed-content'));
    const wrapped = new Y.XmlElement('blockquote');
    wrapped.insert(0, [new Y.XmlElement('img')]);
    expect(checkEdit((doc) => bodyFragment(doc).insert(0, [wrapped]))).toEqual(refusal('disallowed-content'));
  });

  it('is refused when it puts a shared type where the layout has none', () => {
    expect(checkEdit((doc) => bodyFragment(doc).insert(0, [new Y.XmlHook('embed') as unknown as Y.XmlElement]))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => (bodyFragment(doc).get(0) as Y.XmlElement).insert(0, [new Y.Text('a plain text in the body') as Y.XmlText]))).toEqual(
      refusal('disallowed-content'),
    );
    expect(checkEdit((doc) => firstText(doc).insertEmbed(0, new Y.XmlElement('paragraph')))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => fieldsMap(doc).set('headline', new Y.Map() as unknown as Y.Text))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => fieldsMap(doc).set('headline', new Y.XmlText('x')))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => leadPhotoMap(doc).set('caption', new Y.XmlElement('paragraph') as unknown as Y.Text))).toEqual(refusal('disallowed-content'));
  });

  it('is refused when it names a field the layout does not have', () => {
    expect(checkEdit((doc) => fieldsMap(doc).set('slug', new Y.Text('x')))).toEqual(refusal('unknown-field'));
    expect(checkEdit((doc) => leadPhotoMap(doc).set('alt', new Y.Text('x')))).toEqual(refusal('unknown-field'));
  });

  it('is refused when the lead photo is anything but a photo id or none', () => {
    expect(checkEdit((doc) => leadPhotoMap(doc).set(LEAD_PHOTO_ID, 'javascript:alert(1)' as unknown as number))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => leadPhotoMap(doc).set(LEAD_PHOTO_ID, -3))).toEqual(refusal('disallowed-content'));
  });

  it('is refused when it holds an embed, binary data, JSON or a subdocument', () => {
    expect(checkEdit((doc) => firstText(doc).insertEmbed(0, { src: 'https://evil.example/x.png' }))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => fieldsMap(doc).get('byline')!.insertEmbed(0, { src: 'x' }))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => leadPhotoMap(doc).set(LEAD_PHOTO_ID, new Uint8Array([1, 2, 3]) as unknown as number))).toEqual(refusal('disallowed-content'));
    expect(checkEdit((doc) => photoElement(doc).setAttribute('caption', { html: '<img onerror=alert(1)>' } as unknown as string))).toEqual(
      refusal('disallowed-content'),
    );
    expect(checkEdit((doc) => fieldsMap(doc).set('headline', new Y.Doc() as unknown as Y.Text))).toEqual(refusal('disallowed-content'));
    // Yjs no longer writes JSON content, but still reads it.
    expect(checkUpdate(handWrittenUpdate([5, [[0x02, 1, ...varString('body'), 1, ...varString('"x"')]]]), seededServer())).toEqual(
      refusal('disallowed-content'),
    );
  });

  it('is refused when it formats text with a mark the schema does not have', () => {
    expect(checkEdit((doc) => firstText(doc).format(0, 5, { ychange: { user: 'mallory', type: 'added' } }))).toEqual(refusal('disallowed-mark'));
    expect(checkEdit((doc) => firstText(doc).format(0, 5, { onclick: 'alert(1)' }))).toEqual(refusal('disallowed-mark'));
    expect(checkEdit((doc) => firstText(doc).insert(0, 'x', { code: {} }))).toEqual(refusal('disallowed-mark'));
    expect(checkEdit((doc) => firstText(doc).format(0, 5, { bold: { onclick: 'alert(1)' } }))).toEqual(refusal('disallowed-mark'));
    // Overlapping marks carry a hash after the name; it is the name that counts.
    expect(checkEdit((doc) => firstText(doc).format(0, 5, { 'bold--AbCd1234': {} }))).toEqual({ ok: true });
    expect(checkEdit((doc) => firstText(doc).format(0, 5, { 'onclick--AbCd1234': {} }))).toEqual(refusal('disallowed-mark'));
    // A plain field has no formatting at all.
    expect(checkEdit((doc) => fieldsMap(doc).get('headline')!.format(0, 7, { bold: {} }))).toEqual(refusal('disallowed-mark'));
  });

  it('is refused when a link goes anywhere but http(s) or mailto', () => {
    const linkTo = (href: string) =>
      editBody((body) => (block(body, 0).content![0]!.marks = [{ type: 'link', attrs: { href, target: null, rel: null, class: null, title: null } }]));
    expect(checkEdit(linkTo('javascript:alert(document.cookie)'))).toEqual(refusal('disallowed-link'));
    expect(checkEdit(linkTo('data:text/html,<script>alert(1)</script>'))).toEqual(refusal('disallowed-link'));
    expect(checkEdit((doc) => firstText(doc).format(0, 5, { link: {} }))).toEqual(refusal('disallowed-link'));
    expect(checkEdit(linkTo('mailto:desk@example.org'))).toEqual({ ok: true });
  });

  it('is refused when it sets an attribute the node does not have', () => {
    expect(checkEdit((doc) => (bodyFragment(doc).get(0) as Y.XmlElement).setAttribute('onerror', 'alert(1)'))).toEqual(refusal('disallowed-attribute'));
    expect(checkEdit((doc) => photoElement(doc).setAttribute('src', 'https://evil.example/x.png'))).toEqual(refusal('disallowed-attribute'));
    expect(checkEdit((doc) => photoElement(doc).setAttribute('ychange', 'x'))).toEqual(refusal('disallowed-attribute'));
    expect(checkEdit((doc) => firstText(doc).setAttribute('style', 'display:none'))).toEqual(refusal('disallowed-attribute'));
    expect(checkEdit((doc) => fieldsMap(doc).get('headline')!.setAttribute('style', 'x'))).toEqual(refusal('disallowed-attribute'));
    // A new element's attributes are checked against its own node, within the same update.
    const heading = new Y.XmlElement<{ [key: string]: string | number }>('heading');
    heading.setAttribute('level', 2);
    heading.setAttribute('onmouseover', 'alert(1)');
    expect(checkEdit((doc) => bodyFragment(doc).insert(0, [heading as unknown as Y.XmlElement]))).toEqual(refusal('disallowed-attribute'));
    // An attribute that replaces another keeps its place, but not what it may hold.
    expect(checkEdit((doc) => photoElement(doc).setAttribute('caption', paragraphOf('x') as unknown as string))).toEqual(refusal('disallowed-content'));
  });

  it('is refused when it nests the body deeper than a body may go, in one update or built up over several', () => {
    const quotes = (depth: number): Json => (depth === 0 ? { type: 'paragraph', content: [{ type: 'text', text: 'deep' }] } : { type: 'blockquote', content: [quotes(depth - 1)] });
    expect(checkEdit(editBody((body) => body.content!.push(quotes(37))))).toEqual({ ok: true });
    expect(checkEdit(editBody((body) => body.content!.push(quotes(38))))).toEqual(refusal('too-deep'));

    const server = seededServer();
    expect(checkEdit(editBody((body) => body.content!.push(quotes(30))), server)).toEqual({ ok: true });
    const innermost = (doc: Y.Doc) => {
      let element = bodyFragment(doc).get(3) as Y.XmlElement;
      while (element.get(0) instanceof Y.XmlElement && (element.get(0) as Y.XmlElement).nodeName === 'blockquote') element = element.get(0) as Y.XmlElement;
      return element;
    };
    const wrapped = (depth: number): Y.XmlElement => (depth === 0 ? paragraphOf('deeper') : quoteOf(wrapped(depth - 1)));
    expect(checkEdit((doc) => innermost(doc).insert(1, [wrapped(10)]), server)).toEqual(refusal('too-deep'));
  });

  it('passes typing that builds on items the server has not received yet, but not a key the layout never uses', () => {
    const server = seededServer();
    const first = copyOf(server);
    const second = copyOf(server);
    // An update the server has not received yet: sent offline, or overtaken on reconnecting.
    Y.applyUpdate(second, updateFrom(first, (doc) => bodyFragment(doc).insert(0, [paragraphOf('unseen')])));

    const typed = updateFrom(second, (doc) => ((bodyFragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(6, ' text'));
    expect(checkUpdate(typed, server)).toEqual({ ok: true });
    const onTop = updateFrom(second, (doc) => (bodyFragment(doc).get(0) as Y.XmlElement).setAttribute('onerror', 'alert(1)'));
    expect(checkUpdate(onTop, server)).toEqual(refusal('disallowed-attribute'));
    const marked = updateFrom(second, (doc) => ((bodyFragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { ychange: { user: 'x' } }));
    expect(checkUpdate(marked, server)).toEqual(refusal('disallowed-mark'));
  });

  it('is refused when its items name each other as neighbours, which no real update does', () => {
    // Client 5: item 0 says it follows item 1, and item 1 that it follows item 0.
    const looping = handWrittenUpdate([
      5,
      [
        [0x84, 5, 1, ...varString('a')],
        [0x84, 5, 0, ...varString('b')],
      ],
    ]);
    expect(Y.decodeUpdate(looping).structs).toHaveLength(2);
    expect(checkUpdate(looping, seededServer())).toEqual(refusal('malformed-update'));
  });

  it('is refused when it lists a client twice, which Yjs would apply only in part', () => {
    // A new headline text: a shared type (7) with a root (1, "fields") and a key (0x20, "headline").
    const headline = [0x27, 1, ...varString('fields'), ...varString('headline'), 2];
    expect(checkUpdate(handWrittenUpdate([5, [headline, headline]]), seededServer())).toEqual({ ok: true });

    expect(checkUpdate(handWrittenUpdate([5, [headline]], [5, [headline], 1]), seededServer())).toEqual(refusal('malformed-update'));
    expect(checkUpdate(handWrittenUpdate([5, [headline]], [6, [headline]], [5, [headline], 1]), seededServer())).toEqual(refusal('malformed-update'));
    expect(checkUpdate(handWrittenUpdate([6, [headline]], [5, [headline]]), seededServer())).toEqual({ ok: true });
  });

  it('is judged by what the document already holds under an id, not by what the update claims is there', () => {
    const server = new Y.Doc();
    server.clientID = 7;
    seedArticleDocument(server, draft);
    // Item 7:0 is the headline's text; the update says it is a paragraph in the body, and puts a
    // text container in it. Yjs keeps its own 7:0 and puts the container in the headline.
    const forged = handWrittenUpdate(
      [7, [[0x07, 1, ...varString('body'), 3, ...varString('paragraph')]]],
      [5, [[0x07, 0, 7, 0, 6]]],
    );
    const victim = copyOf(server);
    Y.applyUpdate(victim, forged);
    expect(fieldsMap(victim).get('headline')!.toDelta()).toContainEqual({ insert: expect.any(Y.XmlText) });

    expect(checkUpdate(forged, server)).toEqual(refusal('disallowed-content'));
  });
});

function paragraphOf(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

function quoteOf(child: Y.XmlElement): Y.XmlElement {
  const quote = new Y.XmlElement('blockquote');
  quote.insert(0, [child]);
  return quote;
}

/**
 * A V1 update written byte by byte, for shapes no Yjs API produces: for each section, its client,
 * its structs and the clock they start at (0 unless given); then an empty delete set. Each struct is
 * its info byte (content kind, and which of origin, right origin, parent and key follow) and what
 * follows; every number here is below 128, so each is one byte.
 */
function handWrittenUpdate(...sections: [client: number, structs: number[][], clock?: number][]): Uint8Array {
  return new Uint8Array([sections.length, ...sections.flatMap(([client, structs, clock = 0]) => [structs.length, client, clock, ...structs.flat()]), 0]);
}

function varString(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  return [bytes.length, ...bytes];
}
