import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, highlightParts } from './highlight';

describe('highlightParts', () => {
  it('splits a snippet into marked and plain stretches', () => {
    expect(highlightParts(`…talks with ${S}Gerasimov${E} in ${S}Moscow${E}`)).toEqual([
      { text: '…talks with ', marked: false },
      { text: 'Gerasimov', marked: true },
      { text: ' in ', marked: false },
      { text: 'Moscow', marked: true },
    ]);
  });

  it('keeps text with no marks whole, and markup as text', () => {
    expect(highlightParts('<b>Budget</b> vote')).toEqual([{ text: '<b>Budget</b> vote', marked: false }]);
    expect(highlightParts('')).toEqual([]);
  });

  it('survives stray marks in the text itself', () => {
    expect(highlightParts(`a${E}b${S}c`)).toEqual([
      { text: 'ab', marked: false },
      { text: 'c', marked: true },
    ]);
  });
});
