import { z } from 'zod';
import { ARTICLE_STATUSES } from '@/lib/domain-constants';
import { SEARCH_TEXT_MAX } from '@/lib/search/fts-query';

export const SEARCH_SORTS = ['relevance', 'updated', 'published'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Which of an article's times a date range applies to. */
export const SEARCH_DATE_FIELDS = ['published', 'updated'] as const;

/**
 * A GET form sends every field, the empty ones as "": an empty field is no filter. A value given
 * twice in a hand-made URL is refused by the schema, not silently half-used.
 */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const slug = (label: string) =>
  optional(z.string({ error: `${label} must be given once` }).regex(/^[a-z0-9-]{1,100}$/, `${label} must be a slug such as “home-news”`));

/** 2026-02-30 parses (as 2 March, or not at all); reading it back tells. */
function isCalendarDay(value: string): boolean {
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
}

const day = (label: string) =>
  optional(
    z
      .string({ error: `${label} must be given once` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date written YYYY-MM-DD`, abort: true })
      .refine((value) => isCalendarDay(value), `${label} is not a date on the calendar`),
  );

const flag = (label: string) => optional(z.literal('1', { error: `${label} is “1” or absent` }));

/**
 * The desk's search, exactly as the URL carries it: /desk and GET /api/articles take the same one.
 * The text is kept as typed (a trailing space says the last word is finished) and only cut to the
 * length the search reads, so a pasted essay searches rather than fails.
 */
export const ArticleSearchQuery = z
  .strictObject({
    q: optional(z.string({ error: 'Search must be given once' }).transform((text) => Array.from(text).slice(0, SEARCH_TEXT_MAX).join(''))),
    status: optional(z.enum(ARTICLE_STATUSES, { error: 'Unknown status' })),
    section: slug('Section'),
    tag: slug('Tag'),
    author: slug('Author'),
    dates: optional(z.enum(SEARCH_DATE_FIELDS, { error: 'Dates are “published” or “updated”' })),
    from: day('From'),
    to: day('To'),
    corrected: flag('Has a correction'),
    uncredited: flag('Has photos without credit'),
    sort: optional(z.enum(SEARCH_SORTS, { error: 'Sort is “relevance”, “updated” or “published”' })),
    cursor: optional(z.string({ error: 'Cursor must be given once' }).max(100, 'That page link is broken; start again from the first page.')),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'From must not be after To', path: ['to'] });
export type ArticleSearchQuery = z.infer<typeof ArticleSearchQuery>;
