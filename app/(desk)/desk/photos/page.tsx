import type { Metadata } from 'next';
import { PhotoLibrary } from '@/components/photos/photo-library';
import { env } from '@/server/env';
import { requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Photos' };

export default async function PhotosPage() {
  await requireSignedIn('/desk/photos');
  return (
    <main id="content">
      <div className="page-head">
        <h1>Photos</h1>
      </div>
      <PhotoLibrary timeZone={env().NEWSROOM_TIMEZONE} />
    </main>
  );
}
