import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, writeJpeg } from '@/tests/photos-fixtures';
import { photoFilesBeside, photoFilesSent } from './photo-files';

describe('photoFilesBeside', () => {
  it('finds a package’s photo by the name its href ends in, only in the item’s own folder', async () => {
    const root = fixtureFolder();
    const folder = path.join(root, 'items');
    fs.mkdirSync(folder);
    await writeJpeg(folder, 'cranes.jpg');
    await writeJpeg(root, 'secret.jpg');
    const files = photoFilesBeside(folder);
    for (const href of ['cranes.jpg', './cranes.jpg', 'file:///./cranes.jpg', 'sub/dir/cranes.jpg']) {
      expect((await files(href))?.fileName, href).toBe('cranes.jpg');
    }
    for (const href of ['../secret.jpg', `file://${root}/secret.jpg`, 'https://agency.example/cranes.jpg', 'missing.jpg', '']) {
      expect(await files(href), href).toBeNull();
    }
  });
});

describe('photoFilesSent', () => {
  it('matches multipart photos by file name and never looks at remote hrefs', async () => {
    const files = photoFilesSent([new File([new Uint8Array([1, 2, 3])], 'cranes.jpg', { type: 'image/jpeg' })]);
    expect(await files('./cranes.jpg')).toMatchObject({ fileName: 'cranes.jpg', declaredBytes: 3 });
    expect(await files('https://agency.example/cranes.jpg')).toBeNull();
    expect(await files('other.jpg')).toBeNull();
  });
});
