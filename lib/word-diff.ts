import { diffArrays, diffWords } from 'diff';

export type DiffPart = { text: string; change: 'same' | 'added' | 'removed' };

// A fixed locale, so the server, the browser and the tests split words alike. Segmenting by the
// Unicode word rules keeps a Cyrillic word, an emoji with its skin tone or ZWJ sequence and a flag
// whole; jsdiff's own tokenizer splits anything outside Latin script into single code points.
const words = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Word differences from `before` to `after`. jsdiff's word diff treats words that differ only in
 * the spaces around them as equal, but a double space is a copy fault the desk must see: when the
 * word diff cannot give back the old text, the spacing changed, and the text is diffed again with
 * each word carrying the spaces before it, so a word whose spacing changed is marked. (Spaces as
 * tokens of their own would let a lone space match across unrelated words and scatter the marks.)
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return whole(before, 'same');
  const byWord = diffWords(before, after, { intlSegmenter: words });
  const spacingKept = byWord.map((part) => (part.added ? '' : part.value)).join('') === before;
  if (spacingKept) return byWord.map((part) => ({ text: part.value, change: changeOf(part) }));
  return diffArrays(wordsWithSpacing(before), wordsWithSpacing(after)).map((part) => ({ text: part.value.join(''), change: changeOf(part) }));
}

function changeOf(part: { added: boolean; removed: boolean }): DiffPart['change'] {
  return part.added ? 'added' : part.removed ? 'removed' : 'same';
}

/** A text as one part; an empty text (a blank line, no caption) has none. */
export function whole(text: string, change: DiffPart['change']): DiffPart[] {
  return text ? [{ text, change }] : [];
}

/** The text's words (and punctuation), each with the whitespace before it. */
function wordsWithSpacing(text: string): string[] {
  const tokens: string[] = [];
  let spacing = '';
  for (const { segment } of words.segment(text)) {
    if (/^\s+$/u.test(segment)) spacing += segment;
    else {
      tokens.push(spacing + segment);
      spacing = '';
    }
  }
  if (spacing) tokens.push(spacing);
  return tokens;
}
