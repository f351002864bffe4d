import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CommentThread } from '@/lib/comment-view';
import { commentKeys } from '@/lib/query-keys';
import { CommentPanel } from './comment-panel';

const thread = (id: number, fields: Partial<CommentThread> = {}): CommentThread => ({
  id,
  authorName: 'Cora Desk',
  body: 'Check this.',
  createdAt: '2026-03-02T09:05:00.000Z',
  mentions: [],
  anchor: null,
  resolved: null,
  replies: [],
  ...fields,
});

function render(threads: CommentThread[], canComment = true): string {
  const client = new QueryClient();
  client.setQueryData(commentKeys.list(7), threads);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <CommentPanel articleId={7} timeZone="UTC" canComment={canComment} takeSelection={() => null} />
    </QueryClientProvider>,
  );
}

describe('CommentPanel', () => {
  it('shows what people typed as text, never as markup, keeping its line breaks for CSS', () => {
    const html = render([thread(1, { body: '<img src=x onerror="alert(1)">\n<script>alert(2)</script>' })]);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<p class="comment__body">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;\n&lt;script&gt;alert(2)&lt;/script&gt;</p>');
  });

  it('picks out the people a comment mentions, by the names stored with it', () => {
    const html = render([thread(1, { body: '@tomás ruiz, ask @Nobody or mail a@b.com', mentions: [{ userId: 3, name: 'Tomás Ruiz' }] })]);
    expect(html).toContain('<strong class="comment__mention">@tomás ruiz</strong>, ask @Nobody or mail a@b.com');
  });

  it('quotes the passage a thread is about, or says it is gone', () => {
    const html = render([
      thread(1, { anchor: { quote: '31 to 12', state: 'found' } }),
      thread(2, { anchor: { quote: 'old words', state: 'deleted' } }),
    ]);
    expect(html).toContain('<blockquote class="comment-thread__quote">31 to 12</blockquote>');
    expect(html).toContain('The passage this comment pointed to has been deleted or reworded: <q>old words</q>');
  });

  it('folds resolved threads under a count, offering Reopen there and Reply, Resolve on open ones', () => {
    const html = render([thread(1), thread(2, { resolved: { byName: 'Cora Desk', at: '2026-03-02T10:00:00.000Z' } })]);
    expect(html).toMatch(/<details class="comments__resolved"><summary>Resolved \(1\)<\/summary>.*Resolved by Cora Desk.*>Reopen<\/button>.*<\/details>/);
    expect(html.split('<details')[0]).toMatch(/>Reply<\/button>.*>Resolve<\/button>/);
    expect(html).toContain('<label for="');
    expect(html).toContain('>Your comment</label>');
    expect(html).toContain('Mention someone with @ and their full name, e.g. @Cora Desk.');
  });

  it('is read-only for someone who may not comment', () => {
    const html = render([thread(1), thread(2, { resolved: { byName: 'Cora Desk', at: '2026-03-02T10:00:00.000Z' } })], false);
    expect(html).not.toMatch(/<button|<textarea|<form/);
    expect(html).toContain('Check this.');
  });
});
