import { type WireStamp as Stamp, type WireTime } from '@/lib/wire-timestamp';

/**
 * `12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022)`, each time in a `<time>` that machines
 * read as ISO-8601. "Updated" appears only once the story has had an Update or a Correction; given
 * `changesPath`, it links to the story's What changed page, the printed stamp unchanged.
 */
export function WireStamp({ stamp, changesPath }: { stamp: Stamp; changesPath?: string }) {
  const updated = stamp.updated && (
    <>
      {'Updated: '}
      <WireTimeText time={stamp.updated} />
    </>
  );
  return (
    <p className="wire-stamp">
      <WireTimeText time={stamp.published} />
      {stamp.updated && (
        <>
          {' ('}
          {changesPath ? (
            <a href={changesPath} aria-label={`Updated: ${stamp.updated.text}, see what changed`}>
              {updated}
            </a>
          ) : (
            updated
          )}
          )
        </>
      )}
    </p>
  );
}

function WireTimeText({ time }: { time: WireTime }) {
  return <time dateTime={time.iso}>{time.text}</time>;
}
