import { describe, expect, it } from 'vitest';
import { parseRenditionFileName, renditionFileName, renditionsFor, renditionWidths, responsiveImage } from './renditions';

const SHA = 'ab'.repeat(32);

describe('renditionWidths', () => {
  it('makes every standard width for an original wider than the widest', () => {
    expect(renditionWidths(4000)).toEqual([320, 640, 1024, 1600]);
    expect(renditionWidths(1600)).toEqual([320, 640, 1024, 1600]);
  });

  it('never upscales: widths past the original become the original’s width, once', () => {
    expect(renditionWidths(800)).toEqual([320, 640, 800]);
    expect(renditionWidths(640)).toEqual([320, 640]);
    expect(renditionWidths(200)).toEqual([200]);
  });
});

describe('renditionsFor', () => {
  it('keeps the aspect ratio in every height, and adds the widest as a JPEG', () => {
    expect(renditionsFor({ width: 2400, height: 1600 })).toEqual([
      { width: 320, height: 213, format: 'webp' },
      { width: 640, height: 427, format: 'webp' },
      { width: 1024, height: 683, format: 'webp' },
      { width: 1600, height: 1067, format: 'webp' },
      { width: 1600, height: 1067, format: 'jpeg' },
    ]);
  });

  it('keeps a portrait original portrait and a small one at its own size', () => {
    expect(renditionsFor({ width: 200, height: 300 })).toEqual([
      { width: 200, height: 300, format: 'webp' },
      { width: 200, height: 300, format: 'jpeg' },
    ]);
  });

  it('never gives a height of zero for a very wide strip', () => {
    expect(renditionsFor({ width: 5000, height: 1 }).every((r) => r.height === 1)).toBe(true);
  });
});

describe('parseRenditionFileName', () => {
  it('reads back the names renditionFileName writes', () => {
    expect(parseRenditionFileName('640.webp')).toEqual({ width: 640, format: 'webp' });
    expect(parseRenditionFileName('1600.jpg')).toEqual({ width: 1600, format: 'jpeg' });
    expect(parseRenditionFileName(renditionFileName({ width: 1024, format: 'jpeg' }))).toEqual({ width: 1024, format: 'jpeg' });
  });

  it.each(['original', '../x', '../640.webp', '640.webp/..', '0.webp', '0640.webp', '640.png', '640.jpeg', '640.WEBP', '640.webp ', ''])(
    'refuses %j',
    (name) => {
      expect(parseRenditionFileName(name)).toBeUndefined();
    },
  );
});

describe('responsiveImage', () => {
  it('lists the WebP renditions as a srcset with w descriptors and the JPEG as fallback', () => {
    expect(responsiveImage({ sha256: SHA, width: 2400, height: 1600 })).toEqual({
      srcSet: [
        `/media/photos/${SHA}/320.webp 320w`,
        `/media/photos/${SHA}/640.webp 640w`,
        `/media/photos/${SHA}/1024.webp 1024w`,
        `/media/photos/${SHA}/1600.webp 1600w`,
      ].join(', '),
      fallbackSrc: `/media/photos/${SHA}/1600.jpg`,
      width: 1600,
      height: 1067,
    });
  });

  it('offers a small photo only at sizes it has', () => {
    expect(responsiveImage({ sha256: SHA, width: 500, height: 250 })).toEqual({
      srcSet: `/media/photos/${SHA}/320.webp 320w, /media/photos/${SHA}/500.webp 500w`,
      fallbackSrc: `/media/photos/${SHA}/500.jpg`,
      width: 500,
      height: 250,
    });
  });
});
