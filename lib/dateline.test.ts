import { describe, expect, it } from 'vitest';
import { datelineLede, datelineText } from './dateline';

describe('the dateline', () => {
  it('prints place and source the wire way', () => {
    expect(datelineText('MOSCOW', 'Sputnik')).toBe('MOSCOW (Sputnik)');
    expect(datelineLede('MOSCOW', 'Sputnik')).toBe('MOSCOW (Sputnik) - ');
  });

  it('drops what is missing, and prints nothing for a story without one', () => {
    expect(datelineLede('KYIV', '')).toBe('KYIV - ');
    expect(datelineLede('', 'Reuters')).toBe('(Reuters) - ');
    expect(datelineLede('  ', ' ')).toBe('');
    expect(datelineText(' LONDON ', ' Dateline ')).toBe('LONDON (Dateline)');
  });
});
