import fs from 'node:fs';
import path from 'node:path';
import { type APIResponse, type Browser, type BrowserContext, expect, type Page, request as playwrightRequest, type Response, test } from '@playwright/test';
import { decode, encode } from 'next-auth/jwt';
import { publishedStory, uploadedPhoto } from './api-fixtures';
import { newPerson, PASSWORD, storageStateOf } from './people';

const SESSION_COOKIE = 'authjs.session-token';
const MINUTE = 60;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The directives every page's policy must hold; the script-src is checked on its own. */
const PAGE_DIRECTIVES = ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"];

function directives(policy: string | undefined): Map<string, string> {
  return new Map((policy ?? '').split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')];
  }));
}

function expectCommonHeaders(headers: Record<string, string>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Plain http here: HSTS only goes out over https.
  expect(headers['strict-transport-security']).toBeUndefined();
}

/** A page's policy: nonce or hashes for inline scripts, never 'unsafe-inline', and the fixed directives. */
/**
 * A page rendered for this request allows its scripts by this response's nonce; one from the public
 * cache, sent to every reader, by their hashes and never by a nonce all of them would share.
 */
function expectPagePolicy(response: Response | APIResponse | null, scriptsBy: 'nonce' | 'hashes' = 'nonce'): Map<string, string> {
  const headers = response?.headers() ?? {};
  expectCommonHeaders(headers);
  const policy = headers['content-security-policy'];
  for (const directive of PAGE_DIRECTIVES) expect(policy).toContain(directive);
  const scriptSrc = directives(policy).get('script-src') ?? '';
  if (scriptsBy === 'nonce') expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
  else {
    expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/]{43}='/);
    expect(scriptSrc).not.toContain("'nonce-");
  }
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(scriptSrc).not.toContain('unsafe-eval');
  return directives(policy);
}

/** Records every CSP violation in the page, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** React has hydrated the element: its fiber is attached, which happens only when scripts ran. */
async function expectHydrated(page: Page, selector: string): Promise<void> {
  await expect
    .poll(() => page.locator(selector).first().evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber'))))
    .toBe(true);
}

test.describe('security headers', () => {
  test('a desk page: a per-request nonce, no violations, and it hydrates', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf('editor') });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const first = expectPagePolicy(await page.goto('/desk'));
    await expectHydrated(page, 'main');
    expect(await violations()).toEqual([]);

    const second = expectPagePolicy(await page.reload());
    expect(second.get('script-src')).not.toBe(first.get('script-src'));
    await context.close();
  });

  test('the sign-in page hydrates under its policy', async ({ page }) => {
    const violations = await watchViolations(page);
    expectPagePolicy(await page.goto('/login'));
    await expectHydrated(page, 'form');
    expect(await violations()).toEqual([]);
  });

  test('a public story page: hydrates when rendered for the reader and when served from the cache', async ({ browser }) => {
    const desk = await browser.newContext({ storageState: storageStateOf('copy_editor') });
    const { slug } = await publishedStory(desk.request, 'Harbour reopens');
    const reader = await browser.newContext();
    const page = await reader.newPage();
    const violations = await watchViolations(page);

    // The first reader's view is rendered into the public cache as they ask (MISS); the second is
    // served from it (HIT): a change elsewhere in the newsroom (other specs publish meanwhile) does
    // not purge this story. A signed-in reader gets it rendered for them, with a nonce.
    for (const state of ['MISS', 'HIT']) {
      const response = await page.goto(`/news/${slug}`);
      expect(response?.headers()['x-cache']).toBe(state);
      expectPagePolicy(response, 'hashes');
      await expectHydrated(page, '.masthead__name');
      expect(await violations()).toEqual([]);
    }
    const signedIn = await desk.newPage();
    const deskViolations = await watchViolations(signedIn);
    expectPagePolicy(await signedIn.goto(`/news/${slug}`), 'nonce');
    await expectHydrated(signedIn, '.masthead__name');
    expect(await deskViolations()).toEqual([]);
    await desk.close();
    await reader.close();
  });

  test('an API response and a photo rendition: nothing may run or frame them', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf('editor') });
    const api = await context.request.get('/api/articles');
    expect(api.status()).toBe(200);
    expectCommonHeaders(api.headers());
    expect(directives(api.headers()['content-security-policy']).get('default-src')).toBe("'none'");
    expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

    const { sha256 } = await uploadedPhoto(context.request);
    const rendition = await context.request.get(`/media/photos/${sha256}/320.webp`);
    expect(rendition.status()).toBe(200);
    expectCommonHeaders(rendition.headers());
    expect(directives(rendition.headers()['content-security-policy']).get('default-src')).toBe("'none'");

    // Opened on its own, the picture still shows under that policy.
    const page = await context.newPage();
    await page.goto(`/media/photos/${sha256}/320.webp`);
    expect(await page.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320);
    await context.close();
  });

  test('HSTS goes out only over https, as a TLS-terminating proxy reports it', async ({ request }) => {
    const https = { 'x-forwarded-proto': 'https' };
    for (const url of ['/login', '/api/health', '/api/articles']) {
      const overHttps = await request.get(url, { headers: https, maxRedirects: 0 });
      expect(overHttps.headers()['strict-transport-security'], url).toBe('max-age=63072000');
      const overHttp = await request.get(url, { maxRedirects: 0 });
      expect(overHttp.headers()['strict-transport-security'], url).toBeUndefined();
    }
  });
});

test.describe('cross-site requests', () => {
  test.use({ storageState: storageStateOf('editor') });

  test('a write from another site is refused with 403 and says why; our own pages’ writes work', async ({ page }) => {
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSite) {
      const refused = await page.request.post('/api/articles', { headers });
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect((await refused.json()).error).toEqual({
        code: 'FORBIDDEN',
        message: 'This request came from another site, so Dateline refused it. Open Dateline itself and try again.',
      });
    }
    // Reads are not writes.
    expect((await page.request.get('/api/articles', { headers: { origin: 'https://evil.example' } })).status()).toBe(200);

    // The browser sends our own Origin with a fetch from our page.
    await page.goto('/desk');
    const status = await page.evaluate(async () => (await fetch('/api/articles', { method: 'POST' })).status);
    expect(status).toBe(201);
  });
});

test.describe('the session cookie', () => {
  test('is HttpOnly and SameSite=Lax, and not Secure over plain http', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf('editor') });
    const cookie = (await context.cookies()).find(({ name }) => name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    await context.close();
  });

  test('is Secure, and __Secure- named, when the sign-in came over https', async ({ baseURL }) => {
    const person = newPerson('editor', 'Secure Cookie');
    const https = { 'x-forwarded-proto': 'https' };
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: https });
    const csrf = await api.get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('__Host-authjs.csrf-token='));
    expect(csrfCookie?.value).toContain('Secure');

    const signIn = await api.post('/api/auth/callback/credentials', {
      headers: { cookie: (csrfCookie?.value ?? '').split(';')[0] ?? '' },
      form: { csrfToken, email: person.email, password: PASSWORD },
      maxRedirects: 0,
    });
    const session = signIn.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith(`__Secure-${SESSION_COOKIE}=`));
    expect(session?.value).toMatch(/; HttpOnly/i);
    expect(session?.value).toMatch(/; Secure/i);
    expect(session?.value).toMatch(/; SameSite=Lax/i);
    await api.dispose();
  });
});

test.describe('session lifetime', () => {
  const secret = () => fs.readFileSync(path.join(process.env.E2E_DATA_DIR ?? '', 'auth-secret'), 'utf8').trim();

  /** The editor's real session claims, with other times: a session as it would be after a while. */
  async function editorSessionAt(times: { signedInAt: number; lastActive: number }): Promise<string> {
    const stored = JSON.parse(fs.readFileSync(storageStateOf('editor'), 'utf8')) as { cookies: { name: string; value: string }[] };
    const token = stored.cookies.find(({ name }) => name === SESSION_COOKIE)?.value ?? '';
    const claims = await decode({ token, secret: secret(), salt: SESSION_COOKIE });
    return encode({ token: { ...claims, ...times }, secret: secret(), salt: SESSION_COOKIE, maxAge: 24 * 3600 });
  }

  async function contextWith(browser: Browser, baseURL: string | undefined, token: string): Promise<BrowserContext> {
    const context = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL ?? '', httpOnly: true, sameSite: 'Lax' }]);
    return context;
  }

  /** The session cookie a response set, decoded; undefined when it set none. */
  async function reissued(response: APIResponse | Response | null): Promise<Record<string, unknown> | null | undefined> {
    const headers = (await response?.headersArray()) ?? [];
    const cookie = headers.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith(`${SESSION_COOKIE}=`));
    if (!cookie) return undefined;
    const token = cookie.value.slice(SESSION_COOKIE.length + 1).split(';')[0] ?? '';
    return token === '' ? null : decode({ token, secret: secret(), salt: SESSION_COOKIE });
  }

  test('a session idle past SESSION_IDLE_MINUTES (60) has ended, for pages and the API', async ({ browser, baseURL }) => {
    const now = nowSeconds();
    const context = await contextWith(browser, baseURL, await editorSessionAt({ signedInAt: now - 120 * MINUTE, lastActive: now - 61 * MINUTE }));
    const page = await context.newPage();
    await page.goto('/desk');
    await expect(page).toHaveURL(/\/login/);
    expect((await context.request.get('/api/articles')).status()).toBe(401);
    await context.close();
  });

  test('a session past SESSION_MAX_AGE_HOURS (12) has ended, however recently it was used', async ({ browser, baseURL }) => {
    const now = nowSeconds();
    const context = await contextWith(browser, baseURL, await editorSessionAt({ signedInAt: now - 12 * 60 * MINUTE - MINUTE, lastActive: now - MINUTE }));
    const page = await context.newPage();
    await page.goto('/desk');
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });

  test('opening a page and the API’s writes keep a session alive; polling and the lock heartbeat do not', async ({ browser, baseURL }) => {
    const now = nowSeconds();
    const signedInAt = now - 3 * 60 * MINUTE;
    const context = await contextWith(browser, baseURL, await editorSessionAt({ signedInAt, lastActive: now - 50 * MINUTE }));
    const page = await context.newPage();

    const opened = await reissued(await page.goto('/desk'));
    expect(opened?.lastActive).toBeGreaterThanOrEqual(now);
    expect(opened?.signedInAt).toBe(signedInAt);

    const { id } = (await (await context.request.post('/api/articles')).json()) as { id: number };
    await context.addCookies([{ name: SESSION_COOKIE, value: await editorSessionAt({ signedInAt, lastActive: now - 50 * MINUTE }), url: baseURL ?? '' }]);
    expect(await reissued(await context.request.get('/api/notifications'))).toBeUndefined();
    expect(await reissued(await context.request.post(`/api/articles/${id}/lock`, { data: {} }))).toBeUndefined();

    const autosaved = await context.request.put(`/api/articles/${id}`, {
      data: {
        headline: 'Still typing',
        standfirst: '',
        datelinePlace: '',
        datelineSource: '',
        byline: '',
        leadPhoto: null,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'More words.' }] }] },
        version: 1,
        mode: 'autosave',
      },
    });
    expect(autosaved.status()).toBe(200);
    expect((await reissued(autosaved))?.lastActive).toBeGreaterThanOrEqual(now);
    await context.close();
  });
});
