import { describe, expect, it } from 'vitest';
import { LEGAL_REMOVAL_PLACEHOLDER as REMOVED, redactPublished, redactText, removalPattern } from './redact';

describe('legal removals applied to published text', () => {
  it('replaces the words whatever their case or spacing, and leaves the rest', () => {
    const pattern = removalPattern(['John  Smith']);
    expect(redactText('Police named JOHN SMITH and john\nsmith today.', pattern)).toBe(`Police named ${REMOVED} and ${REMOVED} today.`);
    expect(redactText('Smithers was not named.', pattern)).toBe('Smithers was not named.');
  });

  it('takes the longest removal first and treats the text typed as text, not a pattern', () => {
    const pattern = removalPattern(['Smith', 'John Smith of (Leeds)', '   ']);
    expect(redactText('John Smith of (Leeds) met Smith.', pattern)).toBe(`${REMOVED} met ${REMOVED}.`);
    expect(removalPattern(['', ' '])).toBeNull();
  });

  it('does not match its own placeholder again', () => {
    const pattern = removalPattern(['legal']);
    const story = { headline: 'A legal row', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The legal row.' }] }] } };
    expect(redactPublished(story, pattern)).toEqual({
      headline: `A ${REMOVED} row`,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `The ${REMOVED} row.` }] }] },
    });
  });

  it('removes words split across bold and plain runs and line breaks of a paragraph', () => {
    const pattern = removalPattern(['secret source said']);
    const paragraph = {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'A secret ' },
        { type: 'text', text: 'source', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'said so.' },
      ],
    };
    expect(redactPublished(paragraph, pattern).content).toEqual([{ type: 'text', text: `A ${REMOVED}` }, { type: 'text', text: ' so.' }]);
  });

  it('keeps addresses, node types, links and times, which are no text a reader reads', () => {
    const pattern = removalPattern(['news', 'paragraph', '2026']);
    const teaser = {
      slug: 'news-of-the-day',
      headline: 'The news of the day',
      firstPublishedAt: '2026-01-01T00:00:00.000Z',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'news', marks: [{ type: 'link', attrs: { href: 'https://news.example/' } }] }] }] },
      photos: { 3: { sha256: 'abc', caption: 'news photo', creditLine: '© News' } },
    };
    expect(redactPublished(teaser, pattern)).toEqual({
      ...teaser,
      headline: `The ${REMOVED} of the day`,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: REMOVED, marks: [{ type: 'link', attrs: { href: 'https://news.example/' } }] }] }] },
      photos: { 3: { sha256: 'abc', caption: `${REMOVED} photo`, creditLine: `© ${REMOVED}` } },
    });
  });

  it('gives back the same value when the story has no removals', () => {
    const story = { headline: 'Untouched' };
    expect(redactPublished(story, null)).toBe(story);
  });
});
