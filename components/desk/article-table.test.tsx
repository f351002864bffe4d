import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeskArticle } from '@/lib/article-view';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S } from '@/lib/search/highlight';
import { ArticleTable } from './article-table';

const article = (fields: Partial<DeskArticle>): DeskArticle => ({
  id: 7,
  headline: 'Budget vote',
  status: 'draft',
  live: false,
  scheduledFor: null,
  scheduleFailure: null,
  authorName: 'Ada Reporter',
  sectionName: 'Politics',
  lastEditedAt: '2026-03-02T09:00:00.000Z',
  firstPublishedAt: null,
  match: null,
  ...fields,
});

const render = (articles: DeskArticle[], sort: 'relevance' | 'updated' | 'published' = 'relevance') =>
  renderToStaticMarkup(<ArticleTable articles={articles} timeZone="UTC" sort={sort} />);

describe('ArticleTable with search results', () => {
  it('marks the matched words of the headline and the passage', () => {
    const html = render([article({ match: { headline: `${S}Budget${E} vote`, snippet: `…the ${S}budget${E} passed…` } })]);
    expect(html).toContain('<mark>Budget</mark><span> vote</span>');
    expect(html).toContain('<p class="search-snippet"><span>…the </span><mark>budget</mark><span> passed…</span></p>');
  });

  it('shows markup in a headline or passage as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const html = render([article({ headline: hostile, match: { headline: `${hostile} ${S}vote${E}`, snippet: `${S}<script>${E}` } })]);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<mark>&lt;script&gt;</mark>');
  });

  it('names the time column after the order', () => {
    expect(render([article({})], 'published')).toContain('<th scope="col">Published</th>');
    expect(render([article({})], 'published')).toContain('Not yet');
    expect(render([article({})], 'updated')).toContain('<th scope="col">Last edited</th>');
  });
});
