import { describe, expect, it } from 'vitest';
import { withdrawnPageHtml } from './withdrawn-page';

describe('the withdrawn story page', () => {
  it('says the story was withdrawn and when, in the newsroom’s zone', () => {
    const html = withdrawnPageHtml({ slug: 'talks-collapse', headline: 'Talks collapse', withdrawnAt: new Date('2026-07-01T22:30:00Z'), historyShown: true }, { name: 'The Paper', language: 'en-GB' }, 'Europe/Berlin');
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<h1>This story has been withdrawn</h1>');
    expect(html).toContain('“Talks collapse” was withdrawn at <time datetime="2026-07-01T22:30:00.000Z">00:30 CEST 02.07.2026</time>.');
    expect(html).toContain('<title>Story withdrawn · The Paper</title>');
    expect(html).toContain('<a href="/news/talks-collapse/changes">What changed in this story before it was withdrawn</a>');
  });

  it('does not offer a history that legal removals have taken away whole', () => {
    const html = withdrawnPageHtml({ slug: 'gone', headline: '[removed for legal reasons]', withdrawnAt: new Date(), historyShown: false }, { name: 'The Paper', language: 'en' }, 'UTC');
    expect(html).not.toContain('/news/gone/changes');
  });

  it('keeps hostile text as text', () => {
    const hostile = '</title><script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const html = withdrawnPageHtml({ slug: 'hostile', headline: hostile, withdrawnAt: new Date(), historyShown: true }, { name: hostile, language: 'en' }, 'UTC');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&apos;&amp;');
  });
});
