import { z } from 'zod';

/** A child sitemap's file name, `3.xml`, read as its number; `03.xml` or `3` is no sitemap's name. */
export const SitemapFileName = z
  .string()
  .regex(/^[1-9]\d{0,8}\.xml$/)
  .transform((name) => Number.parseInt(name, 10));
