import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/ui/query-provider';
import { SiteHeader } from '@/components/ui/site-header';
import { env } from '@/server/env';
import { currentUser } from '@/server/session';

// The pages enforce the session (and redirect with their own return path); a layout is not
// re-run on every navigation, so it only decides whether there is a header to show.
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      {/* The header's bell polls through the same query cache as the pages, so marking read in one clears the other. */}
      <QueryProvider>
        {user && <SiteHeader user={user} timeZone={env().NEWSROOM_TIMEZONE} />}
        {children}
      </QueryProvider>
    </>
  );
}
