import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/ui/query-provider';
import { SiteHeader } from '@/components/ui/site-header';
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
      {user && <SiteHeader user={user} />}
      <QueryProvider>{children}</QueryProvider>
    </>
  );
}
