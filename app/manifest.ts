import type { MetadataRoute } from 'next';
import { siteInfo } from '@/server/public/site';

// The newsroom's name is set when the server starts (SITE_NAME), not when the app is built.
export const dynamic = 'force-dynamic';

/** What a browser shows when a reader adds the site to their home screen. */
export default function manifest(): MetadataRoute.Manifest {
  const site = siteInfo();
  return {
    name: site.name,
    short_name: site.name,
    lang: site.language,
    start_url: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#1b1f24',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/apple-icon.png', sizes: '180x180', type: 'image/png' },
    ],
  };
}
