import slugify from '@sindresorhus/slugify';
import { z } from 'zod';

/** A story's public address is /news/<slug>; longer slugs are cut off in shares and search results. */
export const SLUG_MAX = 80;

/**
 * Words a story may not take: as /news/<word> they would read as a section of the site or a tool
 * rather than a story.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'amp',
  'api',
  'atom',
  'corrections',
  'desk',
  'edit',
  'feed',
  'index',
  'latest',
  'login',
  'new',
  'preview',
  'rss',
  'search',
  'sitemap',
]);

/** The desk's stand-in address until publishing gives the story a real one. */
const PLACEHOLDER_PREFIX = 'draft-';
const PLACEHOLDER = /^draft-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const WORDS_AND_HYPHENS = /^[a-z0-9-]*$/;
// Empty passes here so that an empty field is told it is too short, not that its hyphens are wrong.
const SINGLE_HYPHENS_BETWEEN_WORDS = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/**
 * The slug a headline suggests, transliterated to lower-case ASCII ("Москва" → "moskva") and cut back
 * to a whole word within SLUG_MAX. Empty when nothing is left to spell, e.g. an emoji-only or Chinese
 * headline, which the library drops rather than transliterates.
 */
export function slugFromHeadline(headline: string): string {
  // Camel-case splitting would publish "iPhone" as "i-phone" and "McDonald’s" as "mc-donalds".
  const slug = slugify(headline, { decamelize: false });
  if (slug.length <= SLUG_MAX) return slug;
  const lastWordEnd = slug.lastIndexOf('-', SLUG_MAX);
  return lastWordEnd > 0 ? slug.slice(0, lastWordEnd) : slug.slice(0, SLUG_MAX);
}

export function placeholderSlug(): string {
  return `${PLACEHOLDER_PREFIX}${crypto.randomUUID()}`;
}

export function isPlaceholderSlug(slug: string): boolean {
  return PLACEHOLDER.test(slug);
}

/**
 * A slug someone types on the desk. One message at a time, the first that applies, so the field
 * shows what to fix next rather than a list of everything wrong with "<script>".
 */
export const SlugInput = z
  .string({ error: 'Give the address as text.' })
  .trim()
  .regex(WORDS_AND_HYPHENS, {
    error: 'Use lower-case letters, digits and hyphens only, like council-votes-on-budget.',
    abort: true,
  })
  .regex(SINGLE_HYPHENS_BETWEEN_WORDS, {
    error: 'Put single hyphens between words, with none at the start or end, like council-votes-on-budget.',
    abort: true,
  })
  .min(3, { error: 'Make the address at least 3 characters long.', abort: true })
  .max(SLUG_MAX, { error: `Keep the address to ${SLUG_MAX} characters or fewer.`, abort: true })
  .refine((slug) => !RESERVED_SLUGS.has(slug), {
    error: (issue) => `“${String(issue.input)}” would read as a section of the site. Choose another address.`,
    abort: true,
  })
  // Even a slug that is not a placeholder would look like an unpublished draft's address.
  .refine((slug) => !slug.startsWith(PLACEHOLDER_PREFIX), {
    error: `Addresses starting with “${PLACEHOLDER_PREFIX}” are kept for stories not yet published. Choose another address.`,
  });
export type SlugInput = z.infer<typeof SlugInput>;
