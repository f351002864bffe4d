import { describe, expect, it } from 'vitest';
import { plainTextToDoc, type BodyBlock, type BodyDoc, type BodyPhoto } from '@/lib/article-body';
import { compareRevisions, type BlockDiff, type FieldDiff, type RevisionSnapshot } from './revision-diff';

const STORY = [
  'Councillors voted to close the central library on Tuesday.',
  'The library has served the town since 1904.',
  'Campaigners said they would appeal the decision.',
].join('\n');

function revision(changes: Partial<RevisionSnapshot> = {}): RevisionSnapshot {
  return {
    headline: 'Council votes to close library',
    standfirst: 'Campaigners vow to fight the decision.',
    datelinePlace: 'LEEDS',
    datelineSource: 'Dateline',
    byline: 'Amira Khan',
    section: 'News',
    body: plainTextToDoc(STORY),
    leadPhoto: null,
    ...changes,
  };
}

function photo(photoId: number, caption: string | null, credit: string | null = 'Jo Reyes/Dateline'): BodyPhoto {
  return { type: 'photo', attrs: { photoId, caption, credit, alt: null } };
}

function body(...blocks: (string | BodyBlock)[]): BodyDoc {
  return { type: 'doc', content: blocks.map((block) => (typeof block === 'string' ? plainTextToDoc(block).content[0]! : block)) };
}

const same = (text: string) => ({ text, change: 'same' as const });
const added = (text: string) => ({ text, change: 'added' as const });
const removed = (text: string) => ({ text, change: 'removed' as const });

/** The fields of `revision()`, none changed. */
const UNCHANGED_FIELDS: FieldDiff[] = [
  { field: 'headline', label: 'Headline', changed: false, parts: [same('Council votes to close library')] },
  { field: 'standfirst', label: 'Standfirst', changed: false, parts: [same('Campaigners vow to fight the decision.')] },
  { field: 'datelinePlace', label: 'Dateline place', changed: false, parts: [same('LEEDS')] },
  { field: 'datelineSource', label: 'Dateline source', changed: false, parts: [same('Dateline')] },
  { field: 'byline', label: 'Byline', changed: false, parts: [same('Amira Khan')] },
  { field: 'section', label: 'Section', changed: false, parts: [same('News')] },
];

/** The body of `revision()`, unchanged. */
const UNCHANGED_BODY: BlockDiff[] = [
  { change: 'same', parts: [same('Councillors voted to close the central library on Tuesday.')], before: 0, after: 0 },
  { change: 'same', parts: [same('The library has served the town since 1904.')], before: 1, after: 1 },
  { change: 'same', parts: [same('Campaigners said they would appeal the decision.')], before: 2, after: 2 },
];

describe('compareRevisions', () => {
  it('finds nothing between identical revisions', () => {
    const withPhotos = revision({
      leadPhoto: { photoId: 3, caption: 'The central library.', credit: null },
      body: body('Councillors voted to close the central library on Tuesday.', photo(8, 'The reading room.')),
    });
    expect(compareRevisions(withPhotos, structuredClone(withPhotos))).toEqual({
      changed: false,
      fields: UNCHANGED_FIELDS,
      body: [{ change: 'same', parts: [same('Councillors voted to close the central library on Tuesday.')], before: 0, after: 0 }],
      photos: [
        { place: 'lead', change: 'same', beforePhotoId: 3, afterPhotoId: 3, caption: [same('The central library.')], credit: [] },
        { place: 'body', change: 'same', beforePhotoId: 8, afterPhotoId: 8, caption: [same('The reading room.')], credit: [same('Jo Reyes/Dateline')] },
      ],
    });
  });

  it('marks the one word changed in a headline', () => {
    const diff = compareRevisions(revision(), revision({ headline: 'Council votes to save library' }));
    expect(diff).toEqual({
      changed: true,
      fields: [
        {
          field: 'headline',
          label: 'Headline',
          changed: true,
          parts: [same('Council votes to '), removed('close'), added('save'), same(' library')],
        },
        ...UNCHANGED_FIELDS.slice(1),
      ],
      body: UNCHANGED_BODY,
      photos: [],
    });
  });

  it('reports a paragraph moved elsewhere once, as moved, with where it was and where it is', () => {
    const moved = ['The library has served the town since 1904.', 'Campaigners said they would appeal the decision.', 'Councillors voted to close the central library on Tuesday.'];
    const diff = compareRevisions(revision(), revision({ body: plainTextToDoc(moved.join('\n')) }));
    expect(diff.body).toEqual([
      { change: 'same', parts: [same('The library has served the town since 1904.')], before: 1, after: 0 },
      { change: 'same', parts: [same('Campaigners said they would appeal the decision.')], before: 2, after: 1 },
      { change: 'moved', parts: [same('Councillors voted to close the central library on Tuesday.')], before: 0, after: 2 },
    ]);
    expect(diff.changed).toBe(true);
  });

  it('shows added and removed paragraphs whole, and an edited one next to a new one as edited', () => {
    const edited = [
      'Councillors voted to close the central library on Tuesday.',
      'A petition against the closure has 4,000 signatures.',
      'Campaigners said they would appeal the ruling.',
      'The council will meet again in March.',
    ];
    const diff = compareRevisions(revision(), revision({ body: plainTextToDoc(edited.join('\n')) }));
    expect(diff.body).toEqual([
      { change: 'same', parts: [same('Councillors voted to close the central library on Tuesday.')], before: 0, after: 0 },
      { change: 'removed', parts: [removed('The library has served the town since 1904.')], before: 1 },
      { change: 'added', parts: [added('A petition against the closure has 4,000 signatures.')], after: 1 },
      {
        change: 'changed',
        parts: [same('Campaigners said they would appeal the '), removed('decision'), added('ruling'), same('.')],
        before: 2,
        after: 2,
      },
      { change: 'added', parts: [added('The council will meet again in March.')], after: 3 },
    ]);
  });

  it('pairs a short line with its edit, and keeps a rewritten one as removed and added', () => {
    const diff = compareRevisions(revision({ body: plainTextToDoc('Water rose.\nRoads closed.') }), revision({ body: plainTextToDoc('Water rose again.\nSchools reopen.') }));
    expect(diff.body).toEqual([
      { change: 'changed', parts: [same('Water rose'), added(' again'), same('.')], before: 0, after: 0 },
      { change: 'removed', parts: [removed('Roads closed.')], before: 1 },
      { change: 'added', parts: [added('Schools reopen.')], after: 1 },
    ]);
  });

  it('marks Cyrillic words, emoji sequences and flags whole', () => {
    const before = revision({ body: plainTextToDoc('Президент подписал закон о библиотеках.\nReaders sent 👍🏽 and 👨‍👩‍👧 from 🇺🇦.') });
    const after = revision({ body: plainTextToDoc('Президент подписывал закон о библиотеках.\nReaders sent 👍🏿 and 👨‍👩‍👦 from 🇺🇸.') });
    expect(compareRevisions(before, after).body).toEqual([
      {
        change: 'changed',
        parts: [same('Президент '), removed('подписал'), added('подписывал'), same(' закон о библиотеках.')],
        before: 0,
        after: 0,
      },
      {
        change: 'changed',
        parts: [
          same('Readers sent '),
          removed('👍🏽'),
          added('👍🏿'),
          same(' and '),
          removed('👨‍👩‍👧'),
          added('👨‍👩‍👦'),
          same(' from '),
          removed('🇺🇦'),
          added('🇺🇸'),
          same('.'),
        ],
        before: 1,
        after: 1,
      },
    ]);
  });

  // A double space is a copy fault: the desk must see it come and go, not an unchanged line.
  it('marks a change of spacing alone', () => {
    const spaced = 'Councillors voted to close the central library  on Tuesday.\nThe library has served the town since 1904.\nCampaigners said they would appeal the decision.';
    const diff = compareRevisions(revision(), revision({ body: plainTextToDoc(spaced) }));
    expect(diff.changed).toBe(true);
    expect(diff.body[0]).toEqual({
      change: 'changed',
      parts: [same('Councillors voted to close the central library'), removed(' on'), added('  on'), same(' Tuesday.')],
      before: 0,
      after: 0,
    });
    expect(diff.body.slice(1)).toEqual(UNCHANGED_BODY.slice(1));
  });

  it('marks spacing and words changed in the same line', () => {
    const diff = compareRevisions(revision({ headline: 'Council votes to close library' }), revision({ headline: 'Council  votes to shut library' }));
    expect(diff.fields[0]!.parts).toEqual([same('Council'), removed(' votes'), added('  votes'), same(' to'), removed(' close'), added(' shut'), same(' library')]);
  });

  it('compares an inline photo’s caption as a photo, not as a line of the body', () => {
    const before = revision({ body: body('Councillors voted to close the library.', photo(8, 'The reading room in 1950.')) });
    const after = revision({ body: body('Councillors voted to close the library.', photo(8, 'The reading room in 1955.')) });
    expect(compareRevisions(before, after)).toEqual({
      changed: true,
      fields: UNCHANGED_FIELDS,
      body: [{ change: 'same', parts: [same('Councillors voted to close the library.')], before: 0, after: 0 }],
      photos: [
        {
          place: 'body',
          change: 'changed',
          beforePhotoId: 8,
          afterPhotoId: 8,
          caption: [same('The reading room in '), removed('1950'), added('1955'), same('.')],
          credit: [same('Jo Reyes/Dateline')],
        },
      ],
    });
  });

  it('leaves out the captions of photos in quotes and lists from the body’s lines', () => {
    const quoteAndList = (caption: string): BodyDoc => ({
      type: 'doc',
      content: [
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '“We will appeal.”' }] }, photo(8, caption)] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Opening hours cut' }] }, photo(9, 'Shelves.')] }] },
      ],
    });
    const diff = compareRevisions(revision({ body: quoteAndList('The protest.') }), revision({ body: quoteAndList('The march.') }));
    expect(diff.body).toEqual([
      { change: 'same', parts: [same('“We will appeal.”')], before: 0, after: 0 },
      { change: 'same', parts: [same('Opening hours cut')], before: 1, after: 1 },
    ]);
    expect(diff.photos.map((diffed) => [diffed.afterPhotoId, diffed.change, diffed.caption])).toEqual([
      [8, 'changed', [same('The '), removed('protest'), added('march'), same('.')]],
      [9, 'same', [same('Shelves.')]],
    ]);
  });

  it('reports inline photos added and removed, matched by photo', () => {
    const before = revision({ body: body(photo(8, 'The reading room.'), 'Councillors voted to close the library.', photo(9, null)) });
    const after = revision({ body: body('Councillors voted to close the library.', photo(9, null), photo(12, 'Protesters outside.', null)) });
    expect(compareRevisions(before, after).photos).toEqual([
      { place: 'body', change: 'same', beforePhotoId: 9, afterPhotoId: 9, caption: [], credit: [same('Jo Reyes/Dateline')] },
      { place: 'body', change: 'added', beforePhotoId: null, afterPhotoId: 12, caption: [added('Protesters outside.')], credit: [] },
      {
        place: 'body',
        change: 'removed',
        beforePhotoId: 8,
        afterPhotoId: null,
        caption: [removed('The reading room.')],
        credit: [removed('Jo Reyes/Dateline')],
      },
    ]);
  });

  it('marks a lead photo’s caption change', () => {
    const before = revision({ leadPhoto: { photoId: 3, caption: 'The library on Monday.', credit: 'Jo Reyes/Dateline' } });
    const after = revision({ leadPhoto: { photoId: 3, caption: 'The library on Tuesday.', credit: 'Jo Reyes/Dateline' } });
    expect(compareRevisions(before, after)).toEqual({
      changed: true,
      fields: UNCHANGED_FIELDS,
      body: UNCHANGED_BODY,
      photos: [
        {
          place: 'lead',
          change: 'changed',
          beforePhotoId: 3,
          afterPhotoId: 3,
          caption: [same('The library on '), removed('Monday'), added('Tuesday'), same('.')],
          credit: [same('Jo Reyes/Dateline')],
        },
      ],
    });
  });

  it('reports a lead photo swapped for another', () => {
    const before = revision({ leadPhoto: { photoId: 3, caption: 'The library.', credit: null } });
    const after = revision({ leadPhoto: { photoId: 4, caption: 'The library.', credit: null } });
    expect(compareRevisions(before, after).photos).toEqual([
      { place: 'lead', change: 'swapped', beforePhotoId: 3, afterPhotoId: 4, caption: [same('The library.')], credit: [] },
    ]);
  });

  it('reports a lead photo added and removed', () => {
    const lead = { photoId: 3, caption: null, credit: 'Jo Reyes/Dateline' };
    expect(compareRevisions(revision(), revision({ leadPhoto: lead })).photos).toEqual([
      { place: 'lead', change: 'added', beforePhotoId: null, afterPhotoId: 3, caption: [], credit: [added('Jo Reyes/Dateline')] },
    ]);
    expect(compareRevisions(revision({ leadPhoto: lead }), revision()).photos).toEqual([
      { place: 'lead', change: 'removed', beforePhotoId: 3, afterPhotoId: null, caption: [], credit: [removed('Jo Reyes/Dateline')] },
    ]);
  });
});
