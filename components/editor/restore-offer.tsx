'use client';

import { WordDiff } from '@/components/revisions/word-diff';
import { type ArticleDraft, draftText } from '@/lib/article-draft';
import { formatClock } from '@/lib/desk-time';
import { wordDiff } from '@/lib/word-diff';

type Props = {
  saved: ArticleDraft;
  unsaved: ArticleDraft;
  at: string;
  timeZone: string;
  onRestore: () => void;
  onDiscard: () => void;
};

/** Text this device kept but the server never got: shown as a diff against the saved copy. */
export function RestoreOffer({ saved, unsaved, at, timeZone, onRestore, onDiscard }: Props) {
  const parts = wordDiff(draftText(saved), draftText(unsaved));
  return (
    <section className="notice notice--info" role="alert" aria-label="Unsaved changes">
      <h2>Unsaved changes from {formatClock(at, timeZone)}</h2>
      <p>This device kept changes that were never saved. Changes against the saved copy:</p>
      <WordDiff parts={parts} side="unified" />
      <div className="notice__actions">
        <button type="button" className="button" onClick={onRestore}>
          Restore unsaved changes from {formatClock(at, timeZone)}
        </button>
        <button type="button" className="button button--quiet" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </section>
  );
}
