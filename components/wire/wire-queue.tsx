import Link from 'next/link';
import { formatDeskTime } from '@/lib/desk-time';
import type { WireQueueRow } from '@/lib/wire/wire-view';
import { WireFlags } from './wire-status';

/** The Wire queue: what the agencies sent, newest first, with a search over it (a plain GET form). */
export function WireQueue({ rows, search, timeZone }: { rows: WireQueueRow[]; search: string; timeZone: string }) {
  return (
    <>
      <form className="wire-search" role="search" action="/desk/wire">
        <div className="field">
          <label htmlFor="wire-q">Search the wire</label>
          <input id="wire-q" name="q" type="search" defaultValue={search} />
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="muted">{search ? 'No wire item has those words.' : 'Nothing has come in on the wire yet.'}</p>
      ) : (
        <table className="table wire-table">
          <caption className="visually-hidden">Wire items{search ? ` matching “${search}”` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Source</th>
              <th scope="col">Headline</th>
              <th scope="col">Slugline</th>
              <th scope="col">Subjects</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <time dateTime={row.receivedAt}>{formatDeskTime(row.receivedAt, timeZone)}</time>
                </td>
                <td>
                  {row.provider || row.sourceName}
                  {row.provider && row.provider !== row.sourceName && <div className="muted">via {row.sourceName}</div>}
                </td>
                <td>
                  <Link href={`/desk/wire/${row.id}`}>{row.headline || '(no headline)'}</Link>
                  <div className="muted">
                    {row.kind === 'text' ? 'Text' : row.kind === 'picture' ? 'Picture' : 'Package'}, version {row.version}
                  </div>
                </td>
                <td>{row.slugline}</td>
                <td>{row.subjects}</td>
                <td>
                  <WireFlags pubStatus={row.pubStatus} embargoedUntil={row.embargoedUntil} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
