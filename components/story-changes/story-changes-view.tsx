import { RevisionDiffView } from '@/components/revisions/revision-diff-view';
import { publicPath } from '@/lib/public/public-article';
import { changesFeedPath, type StoryChanges, type StoryVersion, versionAnchor, versionLabel } from '@/lib/story-changes/story-changes';
import { formatWireTime } from '@/lib/wire-timestamp';

/**
 * A story's What changed page: every version readers read, newest first, each with what it changed
 * against the one before. Every text is rendered by React as text; the diff is of what a reader
 * reads, never of markup.
 */
export function StoryChangesView({ changes, timeZone }: { changes: StoryChanges; timeZone: string }) {
  const { versions, headline, slug } = changes;
  return (
    <article className="story-changes">
      <header className="story-changes__head">
        <p className="story-changes__kicker">What changed</p>
        <h1>{headline}</h1>
        <p>
          {changes.withdrawn ? (
            'This story has been withdrawn; its history stays public.'
          ) : (
            <a href={publicPath(slug)}>Read the story as it is now</a>
          )}
        </p>
        <p className="story-changes__about">
          {changes.listedCount === 1
            ? 'This story has not been updated or corrected since it was first published.'
            : `Every version readers have read, newest first: ${changes.listedCount} in all. Each shows what it changed in the one before.`}{' '}
          Small fixes of spelling and style are not listed on their own: what they changed is folded into the next version listed.
          {changes.minorFixesSince > 0 && !changes.newerPath && ' The story as it reads now also has small fixes made since its latest version.'}
        </p>
        <p className="story-changes__feeds">
          For machines: <a href={changesFeedPath(slug, 'atom')}>Atom feed</a> · <a href={changesFeedPath(slug, 'json')}>JSON</a>
        </p>
      </header>
      <ol className="story-changes__versions" aria-label="Versions, newest first">
        {versions.map((version) => (
          <li key={version.number}>
            <VersionEntry version={version} timeZone={timeZone} />
          </li>
        ))}
      </ol>
      {(changes.newerPath || changes.olderPath) && (
        <nav className="story-changes__pages" aria-label="More versions">
          {changes.newerPath && (
            <a href={changes.newerPath} rel="prev">
              Newer versions
            </a>
          )}
          {changes.olderPath && (
            <a href={changes.olderPath} rel="next">
              Older versions
            </a>
          )}
        </nav>
      )}
    </article>
  );
}

function VersionEntry({ version, timeZone }: { version: StoryVersion; timeZone: string }) {
  const headingId = `${versionAnchor(version.number)}-title`;
  return (
    <section id={versionAnchor(version.number)} className="story-changes__version" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {versionLabel(version)} · <time dateTime={version.at}>{formatWireTime(version.at, timeZone)}</time>
      </h2>
      <p className="story-changes__by">Published by {version.publishedBy}</p>
      {version.note && (
        <p className="story-changes__note">
          <strong>Correction:</strong> {version.note}
        </p>
      )}
      {version.foldedMinorFixes > 0 && (
        <p className="story-changes__folded">
          Includes {version.foldedMinorFixes === 1 ? 'a small fix' : `${version.foldedMinorFixes} small fixes`} of spelling or style made since the version before.
        </p>
      )}
      {version.diff ? (
        <RevisionDiffView diff={version.diff} layout="inline" sides={['Before', 'After']} level={3} />
      ) : (
        <p className="story-changes__first">The story as first published.</p>
      )}
    </section>
  );
}
