import { describe, expect, it } from 'vitest';
import { type BodyDoc, plainTextToDoc } from '@/lib/article-body';
import { FULL_BODY } from '@/tests/body-fixtures';
import { bodyHasWords, bodyPlainText, countWords, readingMinutes } from './body-text';

describe('bodyPlainText', () => {
  it('puts each block and list item on its own line, line breaks as newlines, photos as their caption', () => {
    expect(bodyPlainText(FULL_BODY)).toBe(
      [
        'Council votes',
        'The vote was 31 to 12, says the full report.',
        'Write to the desk',
        'Reaction',
        'We listed three demands:',
        'Housing',
        'Transport',
        'Buses',
        'The chamber',
        '',
      ].join('\n'),
    );
  });

  it('leaves out a photo without a caption, and its credit and alt text always', () => {
    const body: BodyDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Before' }] },
        { type: 'photo', attrs: { photoId: 1, caption: null, credit: 'AP', alt: 'A crowd' } },
        { type: 'photo', attrs: { photoId: 2, caption: '', credit: null, alt: null } },
        { type: 'paragraph', content: [{ type: 'text', text: 'After' }] },
      ],
    };
    expect(bodyPlainText(body)).toBe('Before\nAfter');
  });

  it('is the inverse of plainTextToDoc', () => {
    for (const text of ['One line', 'a\n\n\nb', '\nstarts blank', 'ends blank\n', '']) {
      expect(bodyPlainText(plainTextToDoc(text))).toBe(text);
    }
  });
});

describe('countWords', () => {
  it('counts words separated by any whitespace', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   \n\t ')).toBe(0);
    expect(countWords('The vote was 31 to 12.')).toBe(6);
    expect(countWords('one\ntwo\u00a0three\u2003four')).toBe(4);
  });

  it('counts words in Cyrillic and other scripts', () => {
    expect(countWords('Совет проголосовал за новый бюджет')).toBe(5);
    expect(countWords('Київ — столиця України')).toBe(3);
    expect(countWords('Η βουλή ψήφισε')).toBe(3);
  });

  it('does not count lone punctuation, and counts joined words and numbers once', () => {
    expect(countWords('Yes — no – maybe … !')).toBe(3);
    expect(countWords('don’t well-known 31,000 U.S. e-mail')).toBe(5);
    expect(countWords('“Quoted,” …and (bracketed) — 🙂 🙂ok')).toBe(4);
  });

  it('counts a run whatever precedes its first letter, and passes over a long run with none', () => {
    expect(countWords(`${'-'.repeat(200_000)}x ${'!'.repeat(200_000)} word`)).toBe(2);
  });
});

describe('bodyHasWords', () => {
  it('says whether countWords would find any in the body’s plain text', () => {
    const photo = (caption: string | null) => ({ type: 'photo' as const, attrs: { photoId: 1, caption } });
    const bodies: BodyDoc[] = [
      { type: 'doc', content: [{ type: 'paragraph' }] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '— … !' }, { type: 'hardBreak' }] }, photo(null)] },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: ' ' }] }, photo('Київ')] },
      { type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '31' }] }] }] }] },
      { type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '—x' }] }] }] },
    ];
    expect(bodies.map(bodyHasWords)).toEqual([false, false, true, true, true]);
    for (const body of bodies) expect(bodyHasWords(body)).toBe(countWords(bodyPlainText(body)) > 0);
  });
});

describe('readingMinutes', () => {
  it('reads 230 words a minute, rounding up, and an empty body in no time', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(231)).toBe(2);
    expect(readingMinutes(1000)).toBe(5);
  });
});
