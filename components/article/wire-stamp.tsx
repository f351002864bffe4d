import { type WireStamp as Stamp, type WireTime } from '@/lib/wire-timestamp';

/**
 * `12:57 GMT 15.02.2022 (Updated: 13:03 GMT 15.02.2022)`, each time in a `<time>` that machines
 * read as ISO-8601. "Updated" appears only once the story has had an Update or a Correction.
 */
export function WireStamp({ stamp }: { stamp: Stamp }) {
  return (
    <p className="wire-stamp">
      <WireTimeText time={stamp.published} />
      {stamp.updated && (
        <>
          {' (Updated: '}
          <WireTimeText time={stamp.updated} />)
        </>
      )}
    </p>
  );
}

function WireTimeText({ time }: { time: WireTime }) {
  return <time dateTime={time.iso}>{time.text}</time>;
}
