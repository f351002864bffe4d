import { describe, expect, it } from 'vitest';
import { caretAfterChange } from './caret-after-change';

describe('caretAfterChange', () => {
  it('keeps a caret before a change where it was', () => {
    expect(caretAfterChange('Storm hits coast', 'Storm hits the coast', 5)).toBe(5);
  });

  it('moves a caret after a change by what was inserted or deleted', () => {
    expect(caretAfterChange('Storm hits coast', 'Big Storm hits coast', 10)).toBe(14);
    expect(caretAfterChange('The big storm', 'The storm', 13)).toBe(9);
  });

  it('puts a caret inside a deleted stretch at its end', () => {
    expect(caretAfterChange('The very big storm', 'The storm', 8)).toBe(4);
  });

  it('keeps the caret before someone else’s insertion exactly there, so the two people’s words do not interleave', () => {
    expect(caretAfterChange('coast', 'the coast', 0)).toBe(0);
    expect(caretAfterChange('Storm', 'Storm!', 5)).toBe(5);
  });

  it('changes nothing when the value did not change', () => {
    expect(caretAfterChange('same', 'same', 2)).toBe(2);
  });
});
