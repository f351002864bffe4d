import { describe, expect, it } from 'vitest';
import { describeLogEntry } from './audit-wording';

describe('describeLogEntry', () => {
  it('words the people entries, and falls back to the article trail’s wording', () => {
    expect(describeLogEntry('user.create', { email: 'a@paper.org', role: 'copy_editor', invited: true })).toEqual({
      what: 'Invited a user',
      detail: 'a@paper.org as Copy editor',
    });
    expect(describeLogEntry('user.change_role', { from: 'admin', to: 'editor' }).detail).toBe('Admin → Editor');
    expect(describeLogEntry('user.disable', { releasedLocks: [1, 2], releasedClaims: [3] }).detail).toBe('Released 2 edit locks and 1 review claim');
    expect(describeLogEntry('user.disable', null).detail).toBeNull();
    expect(describeLogEntry('user.set_password', { link: 'invite' }).detail).toBe('With an invite link');
    expect(describeLogEntry('article.slug', { from: 'old', to: 'new' }).detail).toBe('/news/old → /news/new');
    expect(describeLogEntry('live.entry.edit', { entry: 7, revision: 2 }).what).toBe('Edited entry 7 (version 2)');
    expect(describeLogEntry('live.key_points', { keyPoints: ['Ports shut', 'Talks at noon'] }).detail).toBe('Ports shut · Talks at noon');
    expect(describeLogEntry('article.create', { format: 'live' }).what).toBe('Started the live story');
    expect(describeLogEntry('something.new', null)).toEqual({ what: 'something.new', detail: null });
  });
});
