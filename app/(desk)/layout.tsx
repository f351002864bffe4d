import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/ui/query-provider';
import { SiteHeader } from '@/components/ui/site-header';
import { requirePageUser } from '@/server/session';

// Each page checks the session too: a layout is not re-run on every navigation.
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser('/desk');
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <SiteHeader user={user} />
      <QueryProvider>
        <main id="content">{children}</main>
      </QueryProvider>
    </>
  );
}
