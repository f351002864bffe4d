import { Fragment } from 'react';
import type { DiffPart } from '@/lib/word-diff';

type Side = 'before' | 'after' | 'unified';

/**
 * A word diff. Side by side, the older side shows what was removed and the newer side what was
 * added; `unified` shows both in one text. Changes are <del>/<ins>, each announced in words for screen readers.
 */
export function WordDiff({ parts, side }: { parts: DiffPart[]; side: Side }) {
  return (
    <div className="diff">
      <DiffParts parts={parts} side={side} />
    </div>
  );
}

/** The marked words alone, for a caller that lays out its own lines. */
export function DiffParts({ parts, side }: { parts: DiffPart[]; side: Side }) {
  return parts.map((part, index) => {
    if (part.change === 'same') return <span key={index}>{part.text}</span>;
    // Named in words read aloud before the mark, not by colour or an aria-label (which ARIA does
    // not allow on ins and del, and screen readers skip), and outside it, so the mark holds only the text.
    if (part.change === 'removed' && side !== 'after') {
      return (
        <Fragment key={index}>
          <span className="visually-hidden">deleted: </span>
          <del>{part.text}</del>
        </Fragment>
      );
    }
    if (part.change === 'added' && side !== 'before') {
      return (
        <Fragment key={index}>
          <span className="visually-hidden">inserted: </span>
          <ins>{part.text}</ins>
        </Fragment>
      );
    }
    return null;
  });
}
