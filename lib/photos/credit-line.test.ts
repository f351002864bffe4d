import { describe, expect, it } from 'vitest';
import { creditLine } from './credit-line';

describe('creditLine', () => {
  it('prints the agency, then the photographer: © Agency / Photographer', () => {
    expect(creditLine({ agency: 'Reuters', photographer: 'Ana Lens' })).toBe('© Reuters / Ana Lens');
  });

  it('prints whichever one name is known, without a stray slash', () => {
    expect(creditLine({ agency: 'Reuters', photographer: '' })).toBe('© Reuters');
    expect(creditLine({ agency: '', photographer: 'Ana Lens' })).toBe('© Ana Lens');
  });

  it('is empty when neither name is known, so the photo counts as uncredited', () => {
    expect(creditLine({ agency: '', photographer: '' })).toBe('');
  });

  it('trims names and drops whitespace-only ones', () => {
    expect(creditLine({ agency: '  Reuters\t', photographer: ' Ana Lens \n' })).toBe('© Reuters / Ana Lens');
    expect(creditLine({ agency: '   ', photographer: ' Ana Lens' })).toBe('© Ana Lens');
    expect(creditLine({ agency: ' \t\n', photographer: '  ' })).toBe('');
  });
});
