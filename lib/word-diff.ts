import { diffWords } from 'diff';

export type DiffPart = { text: string; change: 'same' | 'added' | 'removed' };

/** Word-level differences from `before` to `after` (jsdiff), as the copy desk reads them. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
}
