import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';

/** What an agency embeds in a picture, written as XMP by exiftool. */
export type Embedded = { caption?: string; photographer?: string; agency?: string; altText?: string };

/**
 * A spec file's own folder of test photos, removed after its tests. Photos are random noise, so
 * no two uploads in the shared e2e database have the same bytes (which would be a duplicate).
 */
export function photoFolder(): (name: string, embedded?: Embedded, size?: { width: number; height: number }) => Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-photos-'));
  test.afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  return async (name, embedded = {}, size = { width: 480, height: 320 }) => {
    // A worker may come back to this file's tests after its afterAll emptied the folder.
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(fs.mkdtempSync(path.join(folder, 'photo-')), name);
    await sharp({ create: { ...size, channels: 3, background: 'black', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
      .jpeg({ quality: 90 })
      .toFile(file);
    const tags = [
      embedded.caption && `-XMP-dc:Description=${embedded.caption}`,
      embedded.photographer && `-XMP-dc:Creator=${embedded.photographer}`,
      embedded.agency && `-XMP-photoshop:Credit=${embedded.agency}`,
      embedded.altText && `-XMP-iptcCore:AltTextAccessibility=${embedded.altText}`,
    ].filter((tag): tag is string => Boolean(tag));
    if (tags.length > 0) execFileSync('exiftool', ['-q', '-overwrite_original', ...tags, file]);
    return file;
  };
}

/** Uploads a file inside the open photo dialog and chooses it. */
export async function uploadAndUse(page: Page, dialogName: string, file: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByLabel('Choose photos').setInputFiles(file);
  await expect(dialog.getByText('Added to the library')).toBeVisible();
  await dialog.getByRole('button', { name: `Use “${path.basename(file)}”` }).click();
  await expect(dialog).toBeHidden();
}
