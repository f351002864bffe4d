'use client';

import { WordDiff } from '@/components/revisions/word-diff';
import { type ArticleDraft, draftOf, draftText } from '@/lib/article-draft';
import type { ArticleView } from '@/lib/article-view';
import { formatClock } from '@/lib/desk-time';
import { wordDiff } from '@/lib/word-diff';

type Props = {
  message: string;
  theirs: ArticleView;
  mine: ArticleDraft;
  timeZone: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

/** Their version and mine side by side with a word diff; both choices keep both texts in history. */
export function ConflictView({ message, theirs, mine, timeZone, onKeepMine, onTakeTheirs }: Props) {
  const parts = wordDiff(draftText(draftOf(theirs)), draftText(mine));
  return (
    <section className="notice notice--warn conflict" role="alert" aria-label="Save conflict">
      <h2>Your changes clash with a newer version</h2>
      <p>{message}</p>
      <div className="conflict__columns">
        <div>
          <h3>
            Theirs — {theirs.lastEditedByName ?? 'someone'}, {formatClock(theirs.lastEditedAt, timeZone)}
          </h3>
          <WordDiff parts={parts} side="before" />
        </div>
        <div>
          <h3>Mine — not saved</h3>
          <WordDiff parts={parts} side="after" />
        </div>
      </div>
      <div className="notice__actions">
        <button type="button" className="button" onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" className="button button--quiet" onClick={onTakeTheirs}>
          Take theirs
        </button>
      </div>
      <p className="field__hint">
        Keep mine saves your text on top of theirs. Take theirs keeps your text in the history as a “Conflict copy”.
      </p>
    </section>
  );
}
