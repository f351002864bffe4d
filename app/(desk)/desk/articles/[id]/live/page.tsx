import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LiveDesk } from '@/components/live-coverage/live-desk';
import { isAppError } from '@/lib/app-error';
import { parseId } from '@/lib/validation/parse-id';
import { env } from '@/server/env';
import { getLiveDesk } from '@/server/live-coverage/queries';
import { forPage, requireSignedIn } from '@/server/session';

export const metadata: Metadata = { title: 'Live desk' };

export default async function LiveDeskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const user = await requireSignedIn(`/desk/articles/${rawId}/live`);
  const desk = forPage(() => {
    const id = parseId(rawId, 'article');
    try {
      return getLiveDesk(user, id);
    } catch (error) {
      // An ordinary story has no live desk: its own screen is where it is written (and made live).
      if (isAppError(error, 'INVALID')) return null;
      throw error;
    }
  });
  if (!desk) redirect(`/desk/articles/${rawId}`);
  return (
    <main id="content">
      <LiveDesk initial={desk} viewer={{ id: user.id, role: user.role }} timeZone={env().NEWSROOM_TIMEZONE} />
    </main>
  );
}
