import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ATOM_PATH, RSS_PATH } from '@/lib/standards/feeds';
import { siteInfo } from '@/server/public/site';

export function generateMetadata(): Metadata {
  const site = siteInfo();
  return {
    title: { default: site.name, template: `%s · ${site.name}` },
    metadataBase: new URL(site.url),
    alternates: { types: { 'application/rss+xml': RSS_PATH, 'application/atom+xml': ATOM_PATH } },
  };
}

// The reading public's pages: no session is read here, so story pages can be cached for everyone.
export default function PublicLayout({ children }: { children: ReactNode }) {
  const site = siteInfo();
  return (
    <div className="public">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="masthead">
        <div className="masthead__inner">
          <Link href="/" className="masthead__name">
            {site.name}
          </Link>
          <nav aria-label="Sections">
            <Link href="/">Latest</Link>
            <Link href="/corrections">Corrections</Link>
          </nav>
        </div>
      </header>
      {children}
      <footer className="public-footer">
        <p>
          <a href={RSS_PATH}>RSS</a> · <a href={ATOM_PATH}>Atom</a> · <Link href="/desk">Newsroom sign-in</Link>
        </p>
      </footer>
    </div>
  );
}
