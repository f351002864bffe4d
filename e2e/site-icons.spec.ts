import { expect, test } from '@playwright/test';

// A reader's browser asks for the site's icons itself; a missing one is an error in its console.

test('a public page loads with no console errors, and the site’s icons and manifest are served', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });

  await page.goto('/corrections');
  await expect(page.getByRole('heading', { name: 'Corrections', level: 1 })).toBeVisible();
  const icons = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').evaluateAll((links) =>
    links.map((link) => (link as HTMLLinkElement).href),
  );
  expect(icons.length).toBe(4);
  for (const href of [...icons, '/favicon.ico']) {
    const response = await page.request.get(href, { maxRedirects: 0 });
    expect(response.status(), href).toBe(200);
  }
  expect(errors).toEqual([]);
  expect(failed).toEqual([]);
});

test('the web app manifest carries the newsroom’s name and icons that exist', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as { name: string; icons: { src: string; type: string }[] };
  // The e2e server runs with the default SITE_NAME.
  expect(manifest.name).toBe('Dateline');
  for (const icon of manifest.icons) {
    const served = await request.get(icon.src, { maxRedirects: 0 });
    expect(served.status(), icon.src).toBe(200);
    expect(served.headers()['content-type']).toBe(icon.type);
  }
});
