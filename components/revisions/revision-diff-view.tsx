import { Fragment } from 'react';
import type { BlockDiff, PhotoDiff, RevisionDiff } from '@/lib/revisions/revision-diff';
import { DiffParts } from './word-diff';

export type DiffLayout = 'inline' | 'side-by-side';

type Props = {
  diff: RevisionDiff;
  layout: DiffLayout;
  /** Column titles side by side: the older revision, then the newer. */
  sides: [string, string];
  /** The level of the view's section headings, under the caller's own heading. */
  level?: 2 | 3;
};

/**
 * What changed between two revisions, as a reader reads it: the changed fields, the body line by
 * line with unchanged stretches folded away, and each photo whose caption or credit changed.
 * Inline shows removals and insertions in one text; side by side shows the older text with its
 * removals beside the newer text with its insertions.
 */
export function RevisionDiffView({ diff, layout, sides, level = 2 }: Props) {
  const Heading = `h${level}` as const;
  const Subheading = `h${level + 1}` as 'h3' | 'h4';
  if (!diff.changed) return <p className="revision-diff__same">These two revisions read the same.</p>;

  const changedFields = diff.fields.filter((field) => field.changed);
  const unchangedFields = diff.fields.filter((field) => !field.changed);
  const changedPhotos = diff.photos.filter((photo) => photo.change !== 'same');
  const bodyChanged = diff.body.some((block) => block.change !== 'same');
  return (
    <div className={`revision-diff revision-diff--${layout}`}>
      {layout === 'side-by-side' && (
        <div className="revision-diff__sides" aria-hidden="true">
          <span>{sides[0]}</span>
          <span>{sides[1]}</span>
        </div>
      )}
      {changedFields.length > 0 && (
        <section className="revision-diff__section">
          <Heading>Details</Heading>
          {changedFields.map((field) => (
            <div key={field.field} className="revision-diff__field">
              <Subheading>{field.label}</Subheading>
              <DiffLine parts={field.parts} layout={layout} sides={sides} />
            </div>
          ))}
          {unchangedFields.length > 0 && <p className="field__hint">Unchanged: {unchangedFields.map((field) => field.label).join(', ')}.</p>}
        </section>
      )}
      <section className="revision-diff__section">
        <Heading>Body</Heading>
        {bodyChanged ? <BodyDiff blocks={diff.body} layout={layout} sides={sides} /> : <p className="field__hint">The body is unchanged.</p>}
      </section>
      {changedPhotos.length > 0 && (
        <section className="revision-diff__section">
          <Heading>Photos</Heading>
          {changedPhotos.map((photo, index) => (
            <div key={index} className="revision-diff__field">
              <Subheading>{photoTitle(photo)}</Subheading>
              <p className="revision-diff__note">{photoChange(photo)}</p>
              {photo.caption.some((part) => part.change !== 'same') && (
                <>
                  <p className="revision-diff__label">Caption</p>
                  <DiffLine parts={photo.caption} layout={layout} sides={sides} />
                </>
              )}
              {photo.credit.some((part) => part.change !== 'same') && (
                <>
                  <p className="revision-diff__label">Credit</p>
                  <DiffLine parts={photo.credit} layout={layout} sides={sides} />
                </>
              )}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

type LineProps = { parts: BlockDiff['parts']; layout: DiffLayout; sides: [string, string]; note?: string; change?: BlockDiff['change'] };

function DiffLine({ parts, layout, sides, note, change = 'changed' }: LineProps) {
  if (layout === 'inline') {
    return (
      <div className={`revision-diff__line revision-diff__line--${change}`}>
        {note && <p className="revision-diff__note">{note}</p>}
        <p className="diff">
          <DiffParts parts={parts} side="unified" />
        </p>
      </div>
    );
  }
  return (
    <div className={`revision-diff__line revision-diff__line--${change} revision-diff__pair`}>
      {note && <p className="revision-diff__note">{note}</p>}
      <div className="diff" aria-label={sides[0]} role="group">
        {change !== 'added' && <DiffParts parts={parts} side="before" />}
      </div>
      <div className="diff" aria-label={sides[1]} role="group">
        {change !== 'removed' && <DiffParts parts={parts} side="after" />}
      </div>
    </div>
  );
}

/** Changed lines in reading order; each run of unchanged ones folds into one line that opens. */
function BodyDiff({ blocks, layout, sides }: { blocks: BlockDiff[]; layout: DiffLayout; sides: [string, string] }) {
  const runs: { same: boolean; blocks: BlockDiff[] }[] = [];
  for (const block of blocks) {
    const same = block.change === 'same';
    const last = runs.at(-1);
    if (last && last.same === same) last.blocks.push(block);
    else runs.push({ same, blocks: [block] });
  }
  return runs.map((run, index) =>
    run.same ? (
      <details key={index} className="revision-diff__fold">
        <summary>
          {run.blocks.length} unchanged {run.blocks.length === 1 ? 'paragraph' : 'paragraphs'}
        </summary>
        {run.blocks.map((block, line) => (
          <p key={line} className="revision-diff__unchanged">
            {block.parts.map((part) => part.text).join('')}
          </p>
        ))}
      </details>
    ) : (
      <Fragment key={index}>
        {run.blocks.map((block, line) => (
          <DiffLine key={line} parts={block.parts} layout={layout} sides={sides} change={block.change} note={blockNote(block)} />
        ))}
      </Fragment>
    ),
  );
}

function blockNote(block: BlockDiff): string {
  switch (block.change) {
    case 'added':
      return 'New paragraph';
    case 'removed':
      return 'Removed paragraph';
    case 'moved':
      return `Moved from line ${block.before + 1} to line ${block.after + 1}`;
    default:
      return 'Changed paragraph';
  }
}

function photoTitle(photo: PhotoDiff): string {
  return photo.place === 'lead' ? 'Lead photo' : `Photo ${photo.afterPhotoId ?? photo.beforePhotoId} in the body`;
}

function photoChange(photo: PhotoDiff): string {
  switch (photo.change) {
    case 'added':
      return 'Added.';
    case 'removed':
      return 'Removed.';
    case 'swapped':
      return `Replaced: library photo ${photo.beforePhotoId} became ${photo.afterPhotoId}.`;
    default:
      return 'Caption or credit changed.';
  }
}
