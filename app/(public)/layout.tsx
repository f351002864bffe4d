import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ATOM_PATH, RSS_PATH, SITE_FEED_ALTERNATES } from '@/lib/standards/feeds';
import { siteInfo } from '@/server/public/site';

export function generateMetadata(): Metadata {
  const site = siteInfo();
  return {
    title: { default: site.name, template: `%s · ${site.name}` },
    metadataBase: new URL(site.url),
    alternates: { types: SITE_FEED_ALTERNATES },
  };
}

// The reading public's pages: no session is read here, so story pages can be cached for everyone.
// Their links are plain links, not next/link: a reader's every step is a document the public cache
// and a CDN answer, where the router would prefetch each link's payload from Next, rendered per
// request (docs/decisions/017).
export default function PublicLayout({ children }: { children: ReactNode }) {
  const site = siteInfo();
  return (
    <div className="public">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="masthead">
        <div className="masthead__inner">
          <a href="/" className="masthead__name">
            {site.name}
          </a>
          <nav aria-label="Sections">
            <a href="/">Latest</a>
            <a href="/corrections">Corrections</a>
          </nav>
        </div>
      </header>
      {children}
      <footer className="public-footer">
        <p>
          <a href={RSS_PATH}>RSS</a> · <a href={ATOM_PATH}>Atom</a> · <a href="/desk">Newsroom sign-in</a>
        </p>
      </footer>
    </div>
  );
}
