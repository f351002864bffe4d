import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { IPTC_REFERENCE_PHOTO, newsmlExample, newsmlPackage, newsmlTextItem, ninjsExample } from '../tests/wire-fixtures';
import { expectNoViolations } from './axe';
import { bodyOf } from './editor';
import { expect, test } from './newsroom-fixtures';
import { storageStateOf } from './people';
import { publishingPanel } from './publishing';
import { ingestTokenFromAdminScreen, sendWireItem } from './wire-fixtures';

const IPTC_NEWSML = ['LISTING_1_A_NewsML-G2_News_Item.xml', 'LISTING_2_NewsML-G2_Text_Document.xml', 'LISTING_3_Photo_in_NewsML-G2.xml', 'LISTING_6_Simple_NewsML-G2_Package.xml'];
const IPTC_NINJS = ['2.1_ap_image.json', '2.1_imageEncodedRights.json', '2.1_tt_text_image_2.json'];

/** An agency's system, with no session: only the token the admin gave it. */
async function agencyWith(playwright: { request: { newContext: (options: { baseURL?: string }) => Promise<APIRequestContext> } }, baseURL: string | undefined) {
  return playwright.request.newContext({ baseURL });
}

/** Opens a wire item from the queue by searching for it, as the desk does. */
async function openFromQueue(page: Page, search: string, headline: string): Promise<void> {
  await page.goto('/desk');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Wire' }).click();
  await page.getByLabel('Search the wire').fill(search);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/desk\/wire\?q=/);
  await page.getByRole('link', { name: headline }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible();
}

/** Use: a draft opens in the editor. */
async function useItem(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Use' }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  await expect(bodyOf(page)).toHaveAttribute('contenteditable', 'true');
  return page.url();
}

const wirePanel = (page: Page) => page.getByRole('region', { name: 'Wire copy' });

test('IPTC’s examples come in through the API; the desk finds one on the Wire, uses it and publishes it with the agency’s dateline, byline and copyright', async ({ browser, playwright, baseURL, desk, reader }) => {
  const { token } = await ingestTokenFromAdminScreen(browser);
  const agency = await agencyWith(playwright, baseURL);
  for (const name of IPTC_NEWSML) {
    const response = await sendWireItem(agency, token, newsmlExample(name));
    // Another spec (or a retry) may have sent the same version first: then nothing changes.
    expect([200, 201], `${name}: ${await response.text()}`).toContain(response.status());
  }
  for (const name of IPTC_NINJS) {
    const response = await sendWireItem(agency, token, ninjsExample(name), 'application/json');
    expect([200, 201], `${name}: ${await response.text()}`).toContain(response.status());
  }
  const old = await sendWireItem(agency, token, ninjsExample('1.4_ninjsExMediumText1.json'), 'application/json');
  expect(old.status()).toBe(400);
  expect((await old.json()).error.message).toMatch(/^The item is not valid ninjs 2\.x: /);
  await agency.dispose();

  await openFromQueue(desk, 'central bank', 'Fed to halt QE to avert "bubble"');
  await expect(desk.getByText('Copyright 2017-18 Acme News and Media LLC')).toBeVisible();
  await expect(desk.getByText('economy, business and finance · central bank · money and monetary policy')).toBeVisible();
  await expectNoViolations(desk);

  await useItem(desk);
  await expect(desk.getByLabel('Headline')).toHaveValue('Fed to halt QE to avert "bubble"');
  await expect(desk.getByLabel('Dateline place')).toHaveValue('NEW YORK, NY');
  await expect(desk.getByLabel('Dateline source')).toHaveValue('Acme News and Media LLC');
  await expect(desk.getByLabel('Byline')).toHaveValue('Meredith Jameson');
  await expect(wirePanel(desk).getByText('Copyright 2017-18 Acme News and Media LLC')).toBeVisible();

  await publishingPanel(desk).getByRole('button', { name: 'Publish' }).click();
  const published = desk.getByText(/^Published at \/news\/[a-z0-9-]+\.$/);
  await expect(published).toBeVisible();
  const slug = /\/news\/([a-z0-9-]+)/.exec((await published.textContent()) ?? '')![1]!;

  await reader.goto(`/news/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Fed to halt QE to avert "bubble"');
  await expect(reader.locator('.article-body p').first()).toHaveText(/^NEW YORK, NY \(Acme News and Media LLC\) - \(New York, NY - October 21\) Et, sent luptat/);
  await expect(reader.getByText('Meredith Jameson', { exact: true })).toBeVisible();
  await expect(reader.getByText('Copyright 2017-18 Acme News and Media LLC')).toBeVisible();
});

test('a package’s photo comes with it through the photo pipeline, and the draft made from it leads with that photo', async ({ browser, playwright, baseURL, desk }) => {
  const { token } = await ingestTokenFromAdminScreen(browser);
  const agency = await agencyWith(playwright, baseURL);
  const tag = randomUUID().slice(0, 8);
  const headline = `Cranes return to the harbour ${tag}`;
  const textGuid = `urn:e2e:${tag}:text`;
  expect((await sendWireItem(agency, token, newsmlTextItem({ guid: textGuid, headline }))).status()).toBe(201);
  const sent = await agency.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${token}` },
    multipart: {
      item: { name: 'package.xml', mimeType: 'application/xml', buffer: Buffer.from(newsmlPackage({ guid: `urn:e2e:${tag}:pkg`, textGuid, photoHref: 'cranes.jpg', caption: 'Cranes at dawn' })) },
      photo: { name: 'cranes.jpg', mimeType: 'image/jpeg', buffer: fs.readFileSync(IPTC_REFERENCE_PHOTO) },
    },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  const [outcome] = ((await sent.json()) as { items: { photos: { photoId: number | null }[] }[] }).items;
  expect(outcome!.photos[0]!.photoId).toEqual(expect.any(Number));
  await agency.dispose();

  await openFromQueue(desk, 'Harbour package', 'Harbour package');
  await expect(desk.getByRole('region', { name: 'Photos' })).toContainText(`In the photo library as photo ${outcome!.photos[0]!.photoId}`);
  await useItem(desk);
  await expect(desk.getByLabel('Headline')).toHaveValue(headline);
  await expect(desk.getByRole('img').first()).toBeVisible();
});

test('a later version of an item shows the editor what changed, and the editor takes it', async ({ browser, playwright, baseURL, desk }) => {
  const { token } = await ingestTokenFromAdminScreen(browser);
  const agency = await agencyWith(playwright, baseURL);
  const tag = randomUUID().slice(0, 8);
  const guid = `urn:e2e:${tag}:fire`;
  const headline = `Dock fire ${tag}`;
  expect((await sendWireItem(agency, token, newsmlTextItem({ guid, headline, paragraphs: ['Smoke rose over the dock.'] }))).status()).toBe(201);

  await openFromQueue(desk, tag, headline);
  const url = await useItem(desk);

  const corrected = newsmlTextItem({ guid, version: 2, headline, paragraphs: ['Black smoke rose over the dock.'], signal: 'correction' });
  expect((await sendWireItem(agency, token, corrected)).status()).toBe(201);
  // The same version again changes nothing.
  expect((await sendWireItem(agency, token, corrected)).status()).toBe(200);
  await agency.dispose();

  await desk.goto(url);
  await expect(wirePanel(desk).getByText('Version 2 of the wire copy has arrived (correction).')).toBeVisible();
  await expect(wirePanel(desk).locator('ins').first()).toContainText('Black');
  await expectNoViolations(desk, '.wire-copy');
  await wirePanel(desk).getByRole('button', { name: 'Take version 2' }).click();
  await expect(bodyOf(desk)).toHaveText('Black smoke rose over the dock.');
  await expect(wirePanel(desk).getByText('Version 2 of the wire copy has arrived')).toHaveCount(0);
  await expect(wirePanel(desk)).toContainText('version 2.');
});

test('when the agency cancels an item, it is flagged on the story made from it, the desk list and the Wire', async ({ browser, playwright, baseURL, desk }) => {
  const { token } = await ingestTokenFromAdminScreen(browser);
  const agency = await agencyWith(playwright, baseURL);
  const tag = randomUUID().slice(0, 8);
  const guid = `urn:e2e:${tag}:rumour`;
  const headline = `Port sale rumour ${tag}`;
  expect((await sendWireItem(agency, token, newsmlTextItem({ guid, headline }))).status()).toBe(201);
  await openFromQueue(desk, tag, headline);
  const url = await useItem(desk);

  expect((await sendWireItem(agency, token, newsmlTextItem({ guid, version: 2, headline, pubStatus: 'canceled' }))).status()).toBe(201);
  await agency.dispose();
  await desk.goto(url);
  await expect(wirePanel(desk).getByRole('alert')).toContainText('The agency has canceled the item this story is made from.');

  await desk.goto(`/desk?q=${encodeURIComponent(tag)}`);
  await expect(desk.getByRole('row', { name: new RegExp(headline) })).toContainText('Canceled by the agency');
  await desk.goto(`/desk/wire?q=${encodeURIComponent(tag)}`);
  await expect(desk.getByRole('row', { name: new RegExp(headline) })).toContainText('Canceled by the agency');
  await expectNoViolations(desk);
});

test('a story made from embargoed copy shows the embargo and cannot be published before it lifts', async ({ browser, playwright, baseURL, desk }) => {
  const { token } = await ingestTokenFromAdminScreen(browser);
  const agency = await agencyWith(playwright, baseURL);
  const tag = randomUUID().slice(0, 8);
  const headline = `Budget figures ${tag}`;
  expect((await sendWireItem(agency, token, newsmlTextItem({ guid: `urn:e2e:${tag}:budget`, headline, embargoed: '2099-06-01T09:00:00Z' }))).status()).toBe(201);
  await agency.dispose();

  await openFromQueue(desk, tag, headline);
  await expect(desk.getByText('Embargoed until 09:00 GMT 01.06.2099').first()).toBeVisible();
  await useItem(desk);
  await expect(wirePanel(desk).getByText('Embargoed until 09:00 GMT 01.06.2099')).toBeVisible();
  await publishingPanel(desk).getByRole('button', { name: 'Publish' }).click();
  const refusal = desk.getByRole('alert', { name: 'Not done' });
  await expect(refusal.getByRole('listitem')).toHaveText(['The wire copy is embargoed until 09:00 GMT 01.06.2099.']);
});

test('the ingest refuses an unknown or revoked token and hostile XML, storing nothing', async ({ browser, playwright, baseURL, desk }) => {
  const { agency: name, token } = await ingestTokenFromAdminScreen(browser, { checkScreen: true });
  const agency = await agencyWith(playwright, baseURL);
  const tag = randomUUID().slice(0, 8);
  const item = newsmlTextItem({ guid: `urn:e2e:${tag}:refused`, headline: `Refused ${tag}` });

  const forged = await sendWireItem(agency, `dlw_${randomUUID()}`, item);
  expect(forged.status()).toBe(401);
  expect((await forged.json()).error.message).toBe('The ingest token is missing, unknown or revoked. Ask the newsroom’s admin for a token.');

  const xxe = item.replace('<newsItem', '<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<newsItem');
  const hostile = await sendWireItem(agency, token, xxe);
  expect(hostile.status()).toBe(400);
  expect((await hostile.json()).error.message).toMatch(/declares a DOCTYPE or entities/);
  const wrongNamespace = await sendWireItem(agency, token, item.replace('http://iptc.org/std/nar/2006-10-01/', 'http://example.com/nar/'));
  expect(wrongNamespace.status()).toBe(400);

  const context = await browser.newContext({ storageState: storageStateOf('admin') });
  const admin = await context.newPage();
  await admin.goto('/admin/wire-sources');
  const row = admin.getByRole('row', { name: new RegExp(name) });
  await expect(row).not.toContainText('Never');
  await row.getByRole('button', { name: `Revoke the token of ${name}` }).click();
  await expect(row).toContainText('Revoked');
  await context.close();

  const revoked = await sendWireItem(agency, token, item);
  expect(revoked.status()).toBe(401);
  await agency.dispose();

  await desk.goto(`/desk/wire?q=${encodeURIComponent(tag)}`);
  await expect(desk.getByText('No wire item has those words.')).toBeVisible();
});
