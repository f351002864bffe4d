import { describe, expect, it } from 'vitest';
import { COMMENT_EXCERPT_MAX, commentExcerpt, notificationText } from './notification-view';

describe('notificationText', () => {
  const headline = 'Flood warning';

  it('says who returned, approved, mentioned or took over, and which story', () => {
    expect(notificationText({ kind: 'returned', headline, actorName: 'Cora Desk' })).toBe('Cora Desk returned “Flood warning” to you');
    expect(notificationText({ kind: 'approved', headline, actorName: 'Cora Desk' })).toBe('Cora Desk approved “Flood warning”');
    expect(notificationText({ kind: 'mentioned', headline, actorName: 'Cora Desk' })).toBe('Cora Desk mentioned you on “Flood warning”');
    expect(notificationText({ kind: 'lock_taken', headline, actorName: 'Cora Desk' })).toBe('Cora Desk took over editing “Flood warning”');
  });

  it('names who published, and says only that it was published when the scheduler did it', () => {
    expect(notificationText({ kind: 'published', headline, actorName: 'Cora Desk' })).toBe('“Flood warning” was published by Cora Desk');
    expect(notificationText({ kind: 'published', headline, actorName: null })).toBe('“Flood warning” was published');
  });

  it('still makes a sentence when no person is named', () => {
    expect(notificationText({ kind: 'returned', headline, actorName: null })).toBe('The desk returned “Flood warning” to you');
    expect(notificationText({ kind: 'mentioned', headline, actorName: null })).toBe('Someone mentioned you on “Flood warning”');
  });

  it('keeps markup in a headline as the characters it is', () => {
    expect(notificationText({ kind: 'approved', headline: '<script>alert(1)</script>', actorName: 'A & B' })).toBe(
      'A & B approved “<script>alert(1)</script>”',
    );
  });
});

describe('commentExcerpt', () => {
  it('keeps a short comment whole, on one line', () => {
    expect(commentExcerpt('  Check the\n\nfigures, @Wendy  ')).toBe('Check the figures, @Wendy');
  });

  it('cuts a long comment at a word and marks the cut', () => {
    const body = 'word '.repeat(60);
    const excerpt = commentExcerpt(body);
    expect(excerpt.endsWith('word…')).toBe(true);
    expect([...excerpt].length).toBeLessThanOrEqual(COMMENT_EXCERPT_MAX + 1);
  });

  it('cuts one endless word where it stands, never inside an emoji', () => {
    const excerpt = commentExcerpt('😀'.repeat(200));
    expect(excerpt).toBe(`${'😀'.repeat(COMMENT_EXCERPT_MAX)}…`);
  });
});
