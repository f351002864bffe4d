import { describe, expect, it } from 'vitest';
import { appErrorFrom } from '@/tests/app-error';
import { ArticleSearchQuery } from './article-search';
import { parseInput } from './parse-input';

const parse = (data: unknown) => parseInput(ArticleSearchQuery, data);

const refusal = (data: unknown) => appErrorFrom(() => parse(data));

describe('ArticleSearchQuery', () => {
  it('takes a whole search from the URL', () => {
    expect(
      parse({ q: 'moscow talks ', status: 'published', section: 'world', tag: 'ukraine', author: 'ada-reporter', dates: 'updated', from: '2026-03-01', to: '2026-03-31', corrected: '1', uncredited: '1', sort: 'published' }),
    ).toEqual({ q: 'moscow talks ', status: 'published', section: 'world', tag: 'ukraine', author: 'ada-reporter', dates: 'updated', from: '2026-03-01', to: '2026-03-31', corrected: '1', uncredited: '1', sort: 'published' });
  });

  it('reads the empty fields a GET form sends as no filter', () => {
    expect(parse({ q: '', status: '', section: '', tag: '', author: '', dates: '', from: '', to: '', sort: '' })).toEqual({});
  });

  it('cuts a very long search to what is searched instead of refusing it', () => {
    expect(parse({ q: 'x'.repeat(10_000) }).q).toHaveLength(200);
  });

  it('refuses bad values with a message per field', () => {
    const error = refusal({ status: 'lost', section: 'Home News', from: '2026-02-30', to: 'tuesday', sort: 'random', corrected: 'yes' });
    expect(error.details.fields).toEqual({
      status: ['Unknown status'],
      section: ['Section must be a slug such as “home-news”'],
      from: ['From is not a date on the calendar'],
      to: ['To must be a date written YYYY-MM-DD'],
      sort: ['Sort is “relevance”, “updated” or “published”'],
      corrected: ['Has a correction is “1” or absent'],
    });
  });

  it('refuses a range that ends before it starts, a repeated value and an unknown field', () => {
    expect(refusal({ from: '2026-03-02', to: '2026-03-01' }).details.fields).toEqual({ to: ['From must not be after To'] });
    expect(refusal({ q: ['a', 'b'] }).details.fields).toEqual({ q: ['Search must be given once'] });
    expect(refusal({ page: '2' }).message).toBe('Unknown field: page');
  });
});
