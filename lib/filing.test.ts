import { describe, expect, it } from 'vitest';
import { bylineAfterCredit, composedByline } from './filing';

const anna = { name: 'Anna Petrova' };
const james = { name: 'James Okafor' };

describe('the byline as authors are credited', () => {
  it('composes the byline from the authors in order', () => {
    expect(composedByline([anna, james])).toBe('By Anna Petrova and James Okafor');
  });

  it('fills an empty byline and follows the authors while it reads as they composed it', () => {
    expect(bylineAfterCredit('', [], [anna])).toBe('By Anna Petrova');
    expect(bylineAfterCredit('By Anna Petrova', [anna], [anna, james])).toBe('By Anna Petrova and James Okafor');
    expect(bylineAfterCredit('By Anna Petrova and James Okafor', [anna, james], [])).toBe('');
    // A new draft starts with its writer's name as the byline: that is not a byline anyone typed.
    expect(bylineAfterCredit('Rita Reporter', [], [anna], 'Rita Reporter')).toBe('By Anna Petrova');
  });

  it('keeps a byline the person typed, such as wire copy', () => {
    expect(bylineAfterCredit('By Agency staff', [], [anna])).toBe('By Agency staff');
    expect(bylineAfterCredit('By Anna Petrova in Kyiv', [anna], [james])).toBe('By Anna Petrova in Kyiv');
  });
});
