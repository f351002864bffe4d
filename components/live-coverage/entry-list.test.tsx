import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeskLiveEntry } from '@/lib/live-coverage/live-entry';
import type { Role } from '@/lib/domain-constants';
import { EntryList } from './entry-list';
import { coverageState } from './live-desk';

const POSTER = 5;

const entry = (id: number, fields: Partial<DeskLiveEntry> = {}): DeskLiveEntry => ({
  id,
  headline: 'Polls close',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Counting starts at once.' }] }] },
  photos: {},
  authors: [{ id: 1, name: 'Rita Reporter', slug: 'rita-reporter' }],
  postedAt: '2026-05-07T13:03:00.000Z',
  updatedAt: null,
  pinned: false,
  version: 1,
  postedById: POSTER,
  postedByName: 'Rita Reporter',
  revisionCount: 1,
  removedAt: null,
  removedByName: null,
  ...fields,
});

function render(entries: DeskLiveEntry[], viewer: { id: number; role: Role }): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <EntryList articleId={9} entries={entries} viewer={viewer} timeZone="Europe/London" authorChoices={[]} onChanged={() => {}} />
    </QueryClientProvider>,
  );
}

const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1]);

describe('EntryList', () => {
  it('prints each entry’s time as the wire does, its update, its credit and its text', () => {
    const html = render([entry(1, { updatedAt: '2026-05-07T13:20:00.000Z', pinned: true })], { id: POSTER, role: 'editor' });
    expect(html).toContain('<time id="');
    expect(html).toContain('dateTime="2026-05-07T13:03:00.000Z" class="live-entry__time">14:03 BST</time>');
    expect(html).toContain('Updated <time dateTime="2026-05-07T13:20:00.000Z">14:20 BST</time>');
    expect(html).toContain('By Rita Reporter');
    expect(html).toContain('<span class="badge badge--pinned">Pinned</span>');
    expect(html).toContain('<p>Counting starts at once.</p>');
  });

  it('offers the poster Edit, History and Remove on their own entry, and Pin only to the desk', () => {
    expect(buttons(render([entry(1)], { id: POSTER, role: 'editor' }))).toEqual(['Edit', 'History', 'Remove']);
    expect(buttons(render([entry(1)], { id: POSTER + 1, role: 'editor' }))).toEqual(['History']);
    expect(buttons(render([entry(1, { pinned: true })], { id: POSTER + 1, role: 'copy_editor' }))).toEqual(['Edit', 'Unpin', 'History', 'Remove']);
  });

  it('keeps a removed entry listed, marked Removed, with nothing left to do to it', () => {
    const html = render([entry(1, { removedAt: '2026-05-07T13:30:00.000Z', removedByName: 'Cora Desk' })], { id: POSTER, role: 'admin' });
    expect(html).toContain('live-entry--removed');
    expect(html).toContain('<strong>Removed</strong> by Cora Desk at <time dateTime="2026-05-07T13:30:00.000Z">14:30 BST</time>');
    expect(buttons(html)).toEqual([]);
  });

  it('shows markup typed into a headline or body as text', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = render(
      [entry(1, { headline: hostile, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: hostile }] }] } })],
      { id: POSTER, role: 'editor' },
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<h3 class="live-entry__headline">&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</h3>');
  });

  it('says when there is nothing posted yet', () => {
    expect(render([], { id: POSTER, role: 'editor' })).toBe('<p class="empty">No entries yet.</p>');
  });
});

describe('coverageState', () => {
  it('is Live while public and on, Ended once ended, and otherwise says why readers do not see it', () => {
    expect(coverageState({ public: true, startedAt: '2026-05-07T12:00:00.000Z', endedAt: null })).toBe('Live');
    expect(coverageState({ public: true, startedAt: '2026-05-07T12:00:00.000Z', endedAt: '2026-05-07T18:00:00.000Z' })).toBe('Ended');
    expect(coverageState({ public: false, startedAt: null, endedAt: null })).toBe('Not yet published');
    expect(coverageState({ public: false, startedAt: '2026-05-07T12:00:00.000Z', endedAt: null })).toBe('Not on the site');
  });
});
