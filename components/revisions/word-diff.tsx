import type { DiffPart } from '@/lib/word-diff';

type Side = 'before' | 'after' | 'unified';

/**
 * A word diff. Side by side, the older side shows what was removed and the newer side what was
 * added; `unified` shows both in one text. Changes are <del>/<ins>, named for screen readers.
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
    if (part.change === 'removed' && side !== 'after') {
      return (
        <del key={index} aria-label={`removed: ${part.text}`}>
          {part.text}
        </del>
      );
    }
    if (part.change === 'added' && side !== 'before') {
      return (
        <ins key={index} aria-label={`added: ${part.text}`}>
          {part.text}
        </ins>
      );
    }
    return null;
  });
}
