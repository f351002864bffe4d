/**
 * FTS5 marks the matched words of a snippet with strings we choose. They are private-use
 * characters, not HTML: the passage stays plain text all the way to React, which renders each
 * marked stretch as a <mark> and escapes everything else, so a headline with markup in it shows
 * as the text it is.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export type HighlightPart = { text: string; marked: boolean };

/** The text in stretches, each marked or not; empty stretches are dropped. */
export function highlightParts(text: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  for (const [index, piece] of text.split(HIGHLIGHT_START).entries()) {
    // Before the first start mark nothing is marked; after it, up to the end mark is.
    const [marked, rest] = index === 0 ? ['', piece] : splitOnce(piece, HIGHLIGHT_END);
    if (marked) parts.push({ text: marked, marked: true });
    if (rest) parts.push({ text: rest.replaceAll(HIGHLIGHT_END, ''), marked: false });
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
