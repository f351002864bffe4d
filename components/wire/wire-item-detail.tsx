import Link from 'next/link';
import { ArticleBodyView } from '@/components/article/article-body-view';
import { WordDiff } from '@/components/revisions/word-diff';
import { datelineLede } from '@/lib/dateline';
import { formatDeskTime } from '@/lib/desk-time';
import { type WireItemView, wireText } from '@/lib/wire/wire-view';
import { wordDiff } from '@/lib/word-diff';
import { UseWireItemForm } from './use-wire-item-form';
import { WireFlags } from './wire-status';
import { WirePhotoList } from './wire-photo-list';

/**
 * One wire item as the desk reads it: its newest version with the agency's metadata, rights and
 * body (rendered by the article body view, never as HTML), its photos, every earlier version with
 * what changed, and the stories already made from it.
 */
export function WireItemDetail({ item, timeZone }: { item: WireItemView; timeZone: string }) {
  const [newest, ...older] = item.versions;
  if (!newest) return null;
  const copy = newest.item;
  return (
    <>
      <div className="page-head">
        <h1>{copy.headline || '(no headline)'}</h1>
        {item.pubStatus === 'usable' && <UseWireItemForm wireItemId={item.id} />}
      </div>
      <WireFlags pubStatus={item.pubStatus} embargoedUntil={item.embargoedUntil} timeZone={timeZone} />
      {item.pubStatus !== 'usable' && (
        <p className="notice notice--error" role="alert">
          The agency has {item.pubStatus === 'canceled' ? 'canceled' : 'withheld'} this item. Do not use it; any story made from it must not run.
        </p>
      )}
      <dl className="wire-meta">
        <dt>Source</dt>
        <dd>
          {item.provider || item.sourceName} (received {formatDeskTime(item.receivedAt, timeZone)} via {item.sourceName})
        </dd>
        <dt>Slugline</dt>
        <dd>{copy.slugline || '—'}</dd>
        <dt>Dateline</dt>
        <dd>{copy.located || '—'}</dd>
        <dt>By</dt>
        <dd>{copy.byline || '—'}</dd>
        <dt>Subjects</dt>
        <dd>{item.subjects || '—'}</dd>
        <dt>Copyright</dt>
        <dd>{copy.copyrightNotice || copy.copyrightHolder || '—'}</dd>
        <dt>Usage terms</dt>
        <dd>{copy.usageTerms || '—'}</dd>
        {copy.editorsNote && (
          <>
            <dt>Note to editors</dt>
            <dd>{copy.editorsNote}</dd>
          </>
        )}
        <dt>Identity</dt>
        <dd>
          {item.guid}, version {newest.version}
          {copy.signals.length > 0 && ` (${copy.signals.join(', ')})`}
        </dd>
      </dl>
      {copy.description && <p className="standfirst">{copy.description}</p>}
      {copy.kind !== 'picture' && <ArticleBodyView body={copy.body} lede={datelineLede(copy.located.toUpperCase(), copy.creditLine || copy.provider)} />}
      {newest.photos.length > 0 && <WirePhotoList photos={newest.photos} />}
      {item.drafts.length > 0 && (
        <section aria-labelledby="wire-drafts">
          <h2 id="wire-drafts">Stories made from it</h2>
          <ul>
            {item.drafts.map((draft) => (
              <li key={draft.articleId}>
                <Link href={`/desk/articles/${draft.articleId}`}>{draft.headline || `Article ${draft.articleId}`}</Link> (from version {draft.takenVersion})
              </li>
            ))}
          </ul>
        </section>
      )}
      {older.length > 0 && (
        <section aria-labelledby="wire-versions">
          <h2 id="wire-versions">Versions</h2>
          {item.versions.map((version, index) => {
            const previous = item.versions[index + 1];
            return (
              <article key={version.version} className="card">
                <h3>
                  Version {version.version}, received {formatDeskTime(version.receivedAt, timeZone)}
                  {version.item.signals.length > 0 && ` (${version.item.signals.join(', ')})`}
                </h3>
                {previous ? <WordDiff parts={wordDiff(wireText(previous.item), wireText(version.item))} side="unified" /> : <p className="muted">The first version received.</p>}
              </article>
            );
          })}
        </section>
      )}
    </>
  );
}
