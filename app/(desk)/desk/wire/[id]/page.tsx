import type { Metadata } from 'next';
import { WireItemDetail } from '@/components/wire/wire-item-detail';
import { parseId } from '@/lib/validation/parse-id';
import { env } from '@/server/env';
import { forPage, requireSignedIn } from '@/server/session';
import { getWireItem } from '@/server/wire-ingest/queries';

export const metadata: Metadata = { title: 'Wire item' };

export default async function WireItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireSignedIn(`/desk/wire/${id}`);
  const item = forPage(() => getWireItem(user, parseId(id, 'wire item')));
  return (
    <main id="content">
      <WireItemDetail item={item} timeZone={env().NEWSROOM_TIMEZONE} />
    </main>
  );
}
