import { describe, expect, it } from 'vitest';
import { ANCHOR_CONTEXT, locateQuote, quoteAround, type TextQuoteSelector } from './text-anchor';

/** The selector for the first occurrence of `quote` in `text`, as the editor would make it. */
function select(text: string, quote: string, occurrence = 0): TextQuoteSelector {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(quote, start + 1);
  return quoteAround(text, start, start + quote.length);
}

const located = (text: string, anchor: TextQuoteSelector) => {
  const range = locateQuote(text, anchor);
  return range && text.slice(range.start, range.end);
};

describe('quoteAround', () => {
  it('keeps the passage and up to 32 characters either side, less at the edges of the text', () => {
    const text = `${'a'.repeat(40)}THE PASSAGE${'b'.repeat(40)}`;
    const anchor = select(text, 'THE PASSAGE');
    expect(anchor).toEqual({ quote: 'THE PASSAGE', prefix: 'a'.repeat(ANCHOR_CONTEXT), suffix: 'b'.repeat(ANCHOR_CONTEXT) });
    expect(select('Short story.', 'Short')).toEqual({ quote: 'Short', prefix: '', suffix: ' story.' });
  });

  it('never cuts an emoji in half at the edge of the context', () => {
    const text = `🐟${'x'.repeat(ANCHOR_CONTEXT - 1)}quote${'y'.repeat(ANCHOR_CONTEXT - 1)}🐟`;
    const anchor = select(text, 'quote');
    expect(anchor.prefix).toBe('x'.repeat(ANCHOR_CONTEXT - 1));
    expect(anchor.suffix).toBe('y'.repeat(ANCHOR_CONTEXT - 1));
    // With the u flag a whole emoji is one code point: only a lone half matches.
    expect(anchor.prefix + anchor.suffix).not.toMatch(/\p{Surrogate}/u);
  });
});

describe('locateQuote', () => {
  const story = ['The council met on Monday.', 'It voted 31 to 12 for the bridge.', 'Work starts in May.'].join('\n');

  it('finds the passage where it is', () => {
    const anchor = select(story, '31 to 12');
    expect(locateQuote(story, anchor)).toEqual({ start: story.indexOf('31 to 12'), end: story.indexOf('31 to 12') + 8 });
  });

  it('moves with the text when paragraphs are inserted before it', () => {
    const anchor = select(story, '31 to 12');
    const edited = `LEEDS (Dateline) - A new first paragraph.\nAnd a second one, longer than the first.\n${story}`;
    const range = locateQuote(edited, anchor);
    expect(range?.start).toBe(edited.indexOf('31 to 12'));
    expect(range && edited.slice(range.start, range.end)).toBe('31 to 12');
  });

  it('picks the right one of two identical quotes by their context', () => {
    const text = 'The mayor said no. Later the council said no. Then the mayor said yes.';
    const second = select(text, 'said no', 1);
    expect(locateQuote(text, second)?.start).toBe(text.lastIndexOf('said no'));
    const first = select(text, 'said no', 0);
    expect(locateQuote(text, first)?.start).toBe(text.indexOf('said no'));
  });

  it('still tells identical quotes apart when the context itself was edited a little', () => {
    const text = 'Ayes: the mayor said no. Noes: the council said no.';
    const anchor = select(text, 'said no', 1);
    const edited = 'Ayes: the mayor said no. Noes: the whole council said no.';
    expect(locateQuote(edited, anchor)?.start).toBe(edited.lastIndexOf('said no'));
  });

  it('takes the first occurrence when nothing tells them apart', () => {
    expect(locateQuote('no, no, no', { quote: 'no', prefix: '', suffix: '' })).toEqual({ start: 0, end: 2 });
  });

  it('answers null once the passage is deleted or reworded', () => {
    const anchor = select(story, '31 to 12');
    expect(locateQuote(story.replace('It voted 31 to 12 for the bridge.\n', ''), anchor)).toBeNull();
    expect(locateQuote(story.replace('31 to 12', 'thirty-one to twelve'), anchor)).toBeNull();
    expect(locateQuote(story, { quote: '', prefix: '', suffix: '' })).toBeNull();
  });

  it('works on Cyrillic and emoji, in UTF-16 offsets as JavaScript strings count them', () => {
    const text = 'Совет 🏛️ проголосовал «за». Мэр 😐 проголосовал «против».';
    const anchor = select(text, 'проголосовал', 1);
    expect(anchor.prefix.endsWith('Мэр 😐 ')).toBe(true);
    const edited = `🚧 Срочно.\n${text}`;
    const range = locateQuote(edited, anchor);
    expect(range?.start).toBe(edited.lastIndexOf('проголосовал'));
    expect(located(edited, anchor)).toBe('проголосовал');
    expect(located(edited, select(text, '😐 проголосовал'))).toBe('😐 проголосовал');
  });

  it('finds a passage that spans paragraphs, which the plain text joins with a line break', () => {
    const anchor = select(story, 'Monday.\nIt voted');
    expect(located(`Intro.\n${story}`, anchor)).toBe('Monday.\nIt voted');
  });
});
