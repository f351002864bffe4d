import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it('gives kilobytes under a megabyte, never zero', () => {
    expect(formatFileSize(148_922)).toBe('149 kB');
    expect(formatFileSize(12)).toBe('1 kB');
  });

  it('gives megabytes with one decimal, dropped when it is zero', () => {
    expect(formatFileSize(3_600_000)).toBe('3.6 MB');
    expect(formatFileSize(25_000_000)).toBe('25 MB');
    expect(formatFileSize(30 * 1024 * 1024)).toBe('31.5 MB');
  });
});
