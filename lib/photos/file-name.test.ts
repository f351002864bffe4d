import { describe, expect, it } from 'vitest';
import { displayFileName } from './file-name';

describe('displayFileName', () => {
  it('keeps only the last part of a path, of either kind of slash', () => {
    expect(displayFileName('../../etc/passwd.jpg')).toBe('passwd.jpg');
    expect(displayFileName('C:\\Users\\ana\\harbour.jpg')).toBe('harbour.jpg');
  });

  it('drops control and bidi characters that could disguise a name, and names what is left empty', () => {
    expect(displayFileName('gpj.\u202Eexe.jpg')).toBe('gpj.exe.jpg');
    expect(displayFileName('line\nbreak.jpg')).toBe('linebreak.jpg');
    expect(displayFileName('\u200B \t')).toBe('unnamed file');
    expect(displayFileName('photos/')).toBe('unnamed file');
  });

  it('cuts a very long name to 255 characters', () => {
    expect(displayFileName(`${'a'.repeat(300)}.jpg`)).toHaveLength(255);
  });
});
