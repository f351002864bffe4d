import type { Metadata } from 'next';
import { WireQueue } from '@/components/wire/wire-queue';
import { WireQueueQuery } from '@/lib/validation/wire';
import { env } from '@/server/env';
import { forPage, requireSignedIn } from '@/server/session';
import { listWireQueue } from '@/server/wire-ingest/queries';

export const metadata: Metadata = { title: 'Wire' };

export default async function WirePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSignedIn('/desk/wire');
  const { q } = WireQueueQuery.parse(await searchParams);
  const rows = forPage(() => listWireQueue(user, q));
  return (
    <main id="content">
      <div className="page-head">
        <h1>Wire</h1>
      </div>
      <WireQueue rows={rows} search={q} timeZone={env().NEWSROOM_TIMEZONE} />
    </main>
  );
}
