import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoViolations } from './axe';
import { storageStateOf } from './people';
import { photoFolder } from './photos';

test.use({ storageState: storageStateOf('editor') });

const noisyJpeg = photoFolder();

/** Its bytes never change, so after the first upload of a run the library already holds it. */
const IPTC_REFERENCE = path.resolve(__dirname, '../../shared/standards/iptc-photo/IPTC-PhotometadataRef-Std2023.2.jpg');

const NOT_ACCEPTED = 'Photos must be JPEG, PNG, WebP or AVIF.';

/** A word no other photo in the shared library carries, to find this spec's photos by. */
function uniqueWord(): string {
  return Array.from({ length: 9 }, () => String.fromCharCode(97 + randomInt(26))).join('');
}

/** Slows what the page sends to `bytesPerSecond` (DevTools network throttling); gives back the way to lift it. */
async function throttleUploads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  const conditions = (uploadThroughput: number) =>
    cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput });
  await cdp.send('Network.enable');
  await conditions(bytesPerSecond);
  return async () => {
    await conditions(-1);
  };
}

/** A file on disk as the file chooser takes it alongside files made in memory. */
const chosen = (file: string) => ({ name: path.basename(file), mimeType: 'image/jpeg', buffer: fs.readFileSync(file) });

async function openLibrary(page: Page): Promise<void> {
  await page.goto('/desk');
  await page.getByRole('link', { name: 'Photos' }).click();
  await expect(page.getByRole('heading', { name: 'Photos', level: 1 })).toBeVisible();
}

const choosePhotos = (page: Page) => page.getByLabel('Choose photos');
const uploadRow = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Uploads' }).getByRole('listitem').filter({ hasText: name });
const library = (page: Page) => page.getByRole('region', { name: 'Library' });
const details = (page: Page) => page.getByRole('region', { name: 'Photo details' });
const field = (page: Page, label: string) => details(page).getByLabel(label, { exact: true });

/** Resolves once the bar shows part of the file sent: more than nothing, not yet all of it. */
async function expectPartlySent(progress: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const value = Number(await progress.getAttribute('value', { timeout: 1_000 }));
      return value > 0 && value < 1;
    }, { message: 'the progress bar shows part of the file sent' })
    .toBe(true);
}

test('an editor uploads a big photo, watches its progress, corrects the caption read from the file, and finds it kept', async ({
  page,
}) => {
  const word = uniqueWord();
  const name = `flood-${word}.jpg`;
  const fromFile = `Flood water reaches the ${word} market square`;
  // About 450 KB of noise: two seconds or so at the throttled 200 KB/s, long enough to watch the bar move.
  const file = await noisyJpeg(
    name,
    { caption: fromFile, photographer: 'Олександра Ткаченко', agency: 'Kyiv Photo Wire' },
    { width: 1000, height: 600 },
  );
  await openLibrary(page);
  await throttleUploads(page, 200 * 1024);

  await choosePhotos(page).setInputFiles(file);
  const progress = uploadRow(page, name).getByRole('progressbar', { name: `Uploading ${name}` });
  await expect(progress).toBeVisible();
  await expectPartlySent(progress);
  await expect(uploadRow(page, name)).toContainText('Added to the library');
  await expect(progress).toBeHidden();

  // The new photo opens by itself, its fields filled in from the file, each saying where from.
  await expect(field(page, 'Caption')).toHaveValue(fromFile);
  await expect(field(page, 'Caption')).toHaveAccessibleDescription(/From the file: XMP dc:description$/);
  await expect(details(page).getByText('From the file: XMP dc:description')).toBeVisible();
  await expect(field(page, 'Photographer')).toHaveValue('Олександра Ткаченко');
  await expect(field(page, 'Photographer')).toHaveAccessibleDescription(/From the file: XMP dc:creator$/);
  await expect(field(page, 'Agency')).toHaveValue('Kyiv Photo Wire');
  await expect(field(page, 'Agency')).toHaveAccessibleDescription(/From the file: XMP photoshop:Credit$/);
  await expect(field(page, 'Credit line')).toHaveText('© Kyiv Photo Wire / Олександра Ткаченко');
  await expect(details(page)).toContainText(name);

  const corrected = `Flood water reaches the ${word} market square on Tuesday morning`;
  await field(page, 'Caption').fill(corrected);
  // Once edited the caption is the editor's own, no longer the file's.
  await expect(details(page).getByText('From the file: XMP dc:description')).toBeHidden();
  await expect(details(page).getByText('Unsaved changes')).toBeVisible();
  await details(page).getByRole('button', { name: 'Save' }).click();
  await expect(details(page).getByText('Saved', { exact: true })).toBeVisible();

  await page.reload();
  await library(page).getByRole('button', { name: corrected }).click();
  await expect(field(page, 'Caption')).toHaveValue(corrected);
  await expect(details(page).getByText('From the file: XMP dc:description')).toBeHidden();
  await expect(field(page, 'Photographer')).toHaveAccessibleDescription(/From the file: XMP dc:creator$/);
  await expect(field(page, 'Credit line')).toHaveText('© Kyiv Photo Wire / Олександра Ткаченко');
});

test('an editor cancels a slow upload and nothing of it reaches the library', async ({ page }) => {
  const word = uniqueWord();
  const name = `cancelled-${word}.jpg`;
  const file = await noisyJpeg(name, { caption: `Harbour crane ${word} at dusk` }, { width: 1200, height: 800 });
  await openLibrary(page);
  const unthrottle = await throttleUploads(page, 20 * 1024);

  await choosePhotos(page).setInputFiles(file);
  await expectPartlySent(uploadRow(page, name).getByRole('progressbar', { name: `Uploading ${name}` }));
  await page.getByRole('button', { name: `Cancel ${name}` }).click();
  await expect(uploadRow(page, name)).toContainText('Cancelled');
  await expect(page.getByRole('button', { name: `Cancel ${name}` })).toBeHidden();

  await page.getByRole('textbox', { name: 'Search photos' }).fill(word);
  await expect(library(page).getByText('No photos match')).toBeVisible();
  const stored = await page.request.get(`/api/photos?q=${word}`);
  expect(stored.ok()).toBe(true);
  expect((await stored.json()).items).toEqual([]);

  // Nothing half-stored stands in the way: the same file sent again is new to the library.
  await unthrottle();
  await choosePhotos(page).setInputFiles(file);
  await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem')).toHaveText([
    `${name}Cancelled`,
    `${name}Added to the library`,
  ]);
  await expect(library(page).getByRole('listitem')).toHaveCount(1);
});

test('files that are not photos are refused by name and reason, while the photo chosen with them is added', async ({ page }) => {
  const word = uniqueWord();
  const good = await noisyJpeg(`market-${word}.jpg`, { caption: `Stallholders ${word} pack up early` });
  await openLibrary(page);

  // What the browser claims a file is must not matter: only its bytes do.
  await choosePhotos(page).setInputFiles([
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Call the council press office before noon.\n') },
    {
      name: 'chart.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>',
      ),
    },
    chosen(good),
  ]);

  await expect(uploadRow(page, 'notes.jpg')).toHaveText(
    `notes.jpg“notes.jpg” was not accepted: its contents are not an image format Dateline knows (a text file renamed, perhaps). ${NOT_ACCEPTED}`,
  );
  await expect(uploadRow(page, 'chart.png')).toHaveText(
    `chart.png“chart.png” was not accepted: it is an SVG drawing or other XML, which may carry scripts. ${NOT_ACCEPTED}`,
  );
  await expect(uploadRow(page, `market-${word}.jpg`)).toHaveText(`market-${word}.jpgAdded to the library`);
  await expect(library(page).getByRole('button', { name: `Stallholders ${word} pack up early` })).toBeVisible();
  await expect(field(page, 'Caption')).toHaveValue(`Stallholders ${word} pack up early`);
});

test('an editor drops a photo on the drop zone and it is added to the library', async ({ page }) => {
  const word = uniqueWord();
  const name = `dropped-${word}.jpg`;
  const file = await noisyJpeg(name, { caption: `Ferry ${word} leaves the quay`, agency: 'Harbour Desk' });
  await openLibrary(page);

  const dataTransfer = await page.evaluateHandle(
    ({ fileName, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName, { type: 'image/jpeg' }));
      return transfer;
    },
    { fileName: name, base64: fs.readFileSync(file).toString('base64') },
  );
  const dropZone = page.getByText('Drop photos here');
  await dropZone.dispatchEvent('dragenter', { dataTransfer });
  await dropZone.dispatchEvent('dragover', { dataTransfer });
  await dropZone.dispatchEvent('drop', { dataTransfer });

  await expect(uploadRow(page, name)).toContainText('Added to the library');
  await expect(library(page).getByRole('button', { name: `Ferry ${word} leaves the quay` })).toContainText('© Harbour Desk');
  await expect(details(page)).toContainText(name);
});

test('an editor finds photos by caption, photographer or agency, and lists those missing a credit', async ({ page }) => {
  const [topic, surname, agencyWord] = [uniqueWord(), uniqueWord(), uniqueWord()];
  const credited = `Lanterns float down the ${topic} river`;
  const uncredited = `Empty ${topic} stalls at dawn`;
  await openLibrary(page);
  await choosePhotos(page).setInputFiles([
    await noisyJpeg(`lanterns-${topic}.jpg`, { caption: credited, photographer: `Mirela ${surname}`, agency: `${agencyWord} Bild` }),
    await noisyJpeg(`stalls-${topic}.jpg`, { caption: uncredited }),
  ]);
  await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem')).toHaveText([/Added to the library$/, /Added to the library$/]);

  const search = page.getByRole('textbox', { name: 'Search photos' });
  const cards = library(page).getByRole('listitem');
  const creditedCard = library(page).getByRole('button', { name: credited });
  const uncreditedCard = library(page).getByRole('button', { name: uncredited });

  await search.fill(topic);
  await expect(cards).toHaveCount(2);
  await expect(creditedCard).toContainText(`© ${agencyWord} Bild / Mirela ${surname}`);
  await expect(uncreditedCard).toContainText('Missing credit');

  await search.fill(surname);
  await expect(cards).toHaveCount(1);
  await expect(creditedCard).toBeVisible();

  await search.fill(topic);
  await expect(cards).toHaveCount(2);
  // Case does not matter, nor does the rest of the agency's name.
  await search.fill(agencyWord.toUpperCase());
  await expect(cards).toHaveCount(1);
  await expect(creditedCard).toBeVisible();

  await search.fill(topic);
  await expect(cards).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Missing credit' }).check();
  await expect(cards).toHaveCount(1);
  await expect(uncreditedCard).toBeVisible();
  await expect(creditedCard).toBeHidden();
});

test('the library with a photo open and a refused upload has no axe violations', async ({ page }) => {
  const reference = path.basename(IPTC_REFERENCE);
  await openLibrary(page);
  await expectNoViolations(page);

  await choosePhotos(page).setInputFiles([
    chosen(IPTC_REFERENCE),
    { name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Not a photo at all.\n') },
  ]);
  // Other runs against this database may have added the reference image already.
  await expect(uploadRow(page, reference)).toContainText(/Added to the library|Already in the library/);
  await expect(uploadRow(page, 'notes.jpg')).toContainText('“notes.jpg” was not accepted');
  await expect(field(page, 'Caption')).toHaveValue('The description aka caption (ref2023.2)');
  await details(page).getByText('Metadata read from the file').click();
  await expectNoViolations(page);

  // Its bytes are fixed, so choosing it again can only find it already there.
  await choosePhotos(page).setInputFiles(IPTC_REFERENCE);
  await expect(uploadRow(page, reference).last()).toHaveText(`${reference}Already in the library — using the existing photo`);
});

test('uploading the same photo twice keeps one photo in the library', async ({ page }) => {
  const word = uniqueWord();
  const name = `council-${word}.jpg`;
  const caption = `Councillors ${word} vote on the budget`;
  const file = await noisyJpeg(name, { caption, photographer: 'Ada Lindqvist' });
  await openLibrary(page);

  await choosePhotos(page).setInputFiles(file);
  await expect(uploadRow(page, name)).toHaveText(`${name}Added to the library`);
  await expect(library(page).getByRole('button', { name: caption })).toHaveCount(1);

  await choosePhotos(page).setInputFiles(file);
  await expect(uploadRow(page, name)).toHaveText([`${name}Added to the library`, `${name}Already in the library — using the existing photo`]);
  await expect(field(page, 'Caption')).toHaveValue(caption);
  await page.getByRole('textbox', { name: 'Search photos' }).fill(word);
  await expect(library(page).getByRole('listitem')).toHaveCount(1);
  await expect(library(page).getByRole('button', { name: caption })).toBeVisible();
});
