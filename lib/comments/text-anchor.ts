/**
 * A passage of the body's plain text (`bodyPlainText`) as a W3C TextQuoteSelector: the words
 * themselves and a little text either side. Offsets into the text go stale with the first edit above
 * the passage; the words and their context let a comment find its passage again after edits.
 */
export type TextQuoteSelector = { quote: string; prefix: string; suffix: string };

export type TextRange = { start: number; end: number };

/** How much text either side of a passage is kept to tell it from the same words elsewhere. */
export const ANCHOR_CONTEXT = 32;

/**
 * Where the passage is now: of every exact occurrence of the quote, the one whose surroundings agree
 * longest with the stored prefix (read backwards from the quote) and suffix (read forwards); the
 * first such on a tie. Null when the words no longer occur at all.
 */
export function locateQuote(text: string, anchor: TextQuoteSelector): TextRange | null {
  if (anchor.quote === '') return null;
  let best: TextRange | null = null;
  let bestAgreement = -1;
  for (let start = text.indexOf(anchor.quote); start !== -1; start = text.indexOf(anchor.quote, start + 1)) {
    const end = start + anchor.quote.length;
    const agreement = agreeingBefore(text, start, anchor.prefix) + agreeingAfter(text, end, anchor.suffix);
    if (agreement > bestAgreement) {
      best = { start, end };
      bestAgreement = agreement;
    }
  }
  return best;
}

/** The selector for `text[start, end)`, with up to ANCHOR_CONTEXT characters of context either side. */
export function quoteAround(text: string, start: number, end: number): TextQuoteSelector {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(awayFromPairMiddle(text, Math.max(0, start - ANCHOR_CONTEXT), +1), start),
    suffix: text.slice(end, awayFromPairMiddle(text, Math.min(text.length, end + ANCHOR_CONTEXT), -1)),
  };
}

/** How many characters just before `at` match the end of `prefix`. */
function agreeingBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && text[at - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  return n;
}

/** How many characters from `at` on match the start of `suffix`. */
function agreeingAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text[at + n] === suffix[n]) n++;
  return n;
}

/**
 * A context cut must not split an emoji (or any character outside the BMP) into its two UTF-16
 * halves: a lone half is not text, and would be stored as a replacement character. Moves the cut
 * one unit inwards (towards the quote) when it falls between a pair.
 */
function awayFromPairMiddle(text: string, cut: number, inwards: 1 | -1): number {
  const before = text.charCodeAt(cut - 1);
  const after = text.charCodeAt(cut);
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splitsPair ? cut + inwards : cut;
}
