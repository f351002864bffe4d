import type { BodyBlock, BodyDoc, BodyInline, BodyListItem } from '@/lib/article-body';

/**
 * The words of a body, for search, word counts and revision diffs: one line per paragraph, heading
 * and list item (a line break in the copy is a line here too). A photo contributes its caption, or
 * nothing: its credit and alt text are not the story's words.
 */
export function bodyPlainText(doc: BodyDoc): string {
  return [...blockLines(doc.content)].join('\n');
}

/**
 * Whether the body has a word at all, as `countWords(bodyPlainText(doc)) > 0` would say, looking no
 * further than the first line that has one. A text has a word exactly when it has a letter or digit.
 */
export function bodyHasWords(doc: BodyDoc): boolean {
  for (const line of blockLines(doc.content)) if (LETTER_OR_DIGIT.test(line)) return true;
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function* blockLines(blocks: readonly (BodyBlock | BodyListItem)[]): Generator<string> {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        yield inlineText(block.content ?? []);
        break;
      case 'blockquote':
      case 'bulletList':
      case 'orderedList':
      case 'listItem':
        yield* blockLines(block.content);
        break;
      case 'photo':
        if (block.attrs.caption) yield block.attrs.caption;
        break;
    }
  }
}

function inlineText(nodes: readonly BodyInline[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.text : '\n')).join('');
}

/**
 * Counts runs of non-space characters holding at least one letter or digit, as word processors do:
 * "31,000", "don’t" and "well-known" are one word each, a lone dash is none. Letters in any script
 * count (Cyrillic, Greek, Arabic…); scripts written without spaces (Chinese, Japanese) count per run.
 */
export function countWords(text: string): number {
  return text.match(WORD_STARTS)?.length ?? 0;
}

/**
 * The first letter or digit of a run, found from the run's start only (the lookbehind), so a long
 * run with none is passed over once, not once per character: the count takes time linear in the
 * text, and in less than half the time of splitting the text into runs and testing each.
 */
const WORD_STARTS = /(?<!\S)[^\s\p{L}\p{N}]*[\p{L}\p{N}]/gu;

export const WORDS_PER_MINUTE = 230;

/** Whole minutes, rounded up: a 100-word brief is a 1-minute read, an empty body 0. */
export function readingMinutes(words: number): number {
  return words > 0 ? Math.ceil(words / WORDS_PER_MINUTE) : 0;
}
