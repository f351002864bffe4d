import type { DiffPart } from '@/lib/word-diff';

/**
 * A word diff. Side by side, the older side shows what was removed and the newer side what was
 * added; `unified` shows both in one text. Changes are <del>/<ins>, named for screen readers.
 */
export function WordDiff({ parts, side }: { parts: DiffPart[]; side: 'before' | 'after' | 'unified' }) {
  return (
    <div className="diff">
      {parts.map((part, index) => {
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
      })}
    </div>
  );
}
