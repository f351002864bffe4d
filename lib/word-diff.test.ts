import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks whole words, keeping Cyrillic words and emoji sequences whole', () => {
    expect(wordDiff('Переговоры продолжаются 👨‍👩‍👧', 'Переговоры завершены 👨‍👩‍👦')).toEqual([
      { text: 'Переговоры ', change: 'same' },
      { text: 'продолжаются 👨‍👩‍👧', change: 'removed' },
      { text: 'завершены 👨‍👩‍👦', change: 'added' },
    ]);
  });

  it('keeps words together when the spacing changes too, as when a paragraph is appended', () => {
    expect(wordDiff('Copy desk’s headline\n\nBody text here.', 'Reporter’s headline\n\nBody text here.\nA new paragraph.')).toEqual([
      { text: 'Copy desk’s', change: 'removed' },
      { text: 'Reporter’s', change: 'added' },
      { text: ' headline\n\nBody text here.', change: 'same' },
      { text: '\nA new paragraph.', change: 'added' },
    ]);
  });

  it('marks a double space, a copy fault, with the word it stands before', () => {
    expect(wordDiff('the central library on Tuesday', 'the central library  on Tuesday')).toEqual([
      { text: 'the central library', change: 'same' },
      { text: ' on', change: 'removed' },
      { text: '  on', change: 'added' },
      { text: ' Tuesday', change: 'same' },
    ]);
  });

  it('gives one unchanged part for equal texts, and none for two empty ones', () => {
    expect(wordDiff('Same text.', 'Same text.')).toEqual([{ text: 'Same text.', change: 'same' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});
