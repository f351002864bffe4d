import type { Metadata } from 'next';
import { publicPath } from '@/lib/public/public-article';
import { SITE_FEED_ALTERNATES } from '@/lib/standards/feeds';
import { formatWireTime } from '@/lib/wire-timestamp';
import { env } from '@/server/env';
import { listPublicCorrections } from '@/server/public/queries';

export const metadata: Metadata = { title: 'Corrections', alternates: { canonical: '/corrections', types: SITE_FEED_ALTERNATES } };

export const dynamic = 'force-dynamic';

/** Every correction on a live story, newest first: a newsroom owns its mistakes in one place. */
export default function CorrectionsPage() {
  const corrections = listPublicCorrections();
  const timeZone = env().NEWSROOM_TIMEZONE;
  return (
    <main id="content" className="public-main">
      <h1>Corrections</h1>
      {corrections.length === 0 ? (
        <p>No corrections have been published.</p>
      ) : (
        <ul className="corrections-list">
          {corrections.map((correction) => (
            <li key={`${correction.slug}-${correction.at}`}>
              <p>
                <time dateTime={correction.at}>{formatWireTime(correction.at, timeZone)}</time> ·{' '}
                <a href={publicPath(correction.slug)}>{correction.headline}</a>
              </p>
              <p>{correction.note}</p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
