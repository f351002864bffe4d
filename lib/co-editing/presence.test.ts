import { describe, expect, it } from 'vitest';
import { peopleInArticle } from './presence';

describe('peopleInArticle', () => {
  it('lists this browser first, then the others by name, with the field each is typing in', () => {
    const states = new Map<number, Record<string, unknown>>([
      [7, { user: { name: 'Vera Desk', color: '#b91c1c' }, typingIn: 'Headline' }],
      [3, { user: { name: 'Anna Writer', color: '#1d4ed8' } }],
      [9, { user: { name: 'Zoe Me', color: '#047857' }, typingIn: null }],
    ]);
    expect(peopleInArticle(states, 9)).toEqual([
      { clientId: 9, name: 'Zoe Me', colour: '#047857', typingIn: null, self: true },
      { clientId: 3, name: 'Anna Writer', colour: '#1d4ed8', typingIn: null, self: false },
      { clientId: 7, name: 'Vera Desk', colour: '#b91c1c', typingIn: 'Headline', self: false },
    ]);
  });

  it('leaves out a browser that has not said who it is, or says it in the wrong shape', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, {}],
      [2, { user: 'Mallory' }],
      [3, { user: { name: 'Anna Writer', color: '#1d4ed8' }, typingIn: 'x'.repeat(500) }],
    ]);
    expect(peopleInArticle(states, 1)).toEqual([]);
  });
});
