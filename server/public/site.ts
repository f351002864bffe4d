import 'server-only';
import type { SiteInfo } from '@/lib/public/public-article';
import { env } from '@/server/env';

/** The public site as feeds, sitemaps and structured data name it. */
export function siteInfo(): SiteInfo {
  const config = env();
  return { name: config.SITE_NAME, url: config.siteUrl, language: config.SITE_LANGUAGE };
}
