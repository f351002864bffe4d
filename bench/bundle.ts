/**
 * First-load JavaScript of the editor route, gzipped, with /desk as the baseline. The file list
 * comes from the build's own manifests and is checked against the scripts a browser actually
 * downloads from `next start`. Needs `npm run build`. Run: `npm run bench -- bundle`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import type { Browser } from '@playwright/test';
import { assertBuilt, BUILD_DIR, launchChromium, type RunningApp, signIn, startApp } from './support/app-server';
import { heading, kB, verdict } from './support/stats';

const TARGET_GZIP_KB = 250;

type Route = { entry: string; label: string; path: (articleId: number) => string; target?: number };

const ROUTES: Route[] = [
  { entry: '/(desk)/desk/articles/[id]/page', label: '/desk/articles/[id]', path: (id) => `/desk/articles/${id}`, target: TARGET_GZIP_KB },
  { entry: '/(desk)/desk/page', label: '/desk (baseline)', path: () => '/desk' },
];

/** Libraries recognised in a chunk by strings that survive minification (error texts, class names). */
const SIGNATURES: [string, RegExp][] = [
  ['react', /Minified React error|react-dom/],
  ['next router', /__next_f|__NEXT_DATA__|next-router/],
  ['tiptap/prosemirror', /ProseMirror-|@tiptap|tiptap/],
  ['zod', /\$ZodType|ZodError/],
  ['linkifyjs', /linkifyjs/],
  ['tanstack query', /No QueryClient set/],
];

type FileSize = { file: string; raw: number; gzip: number; gzip9: number; contains: string[] };

export async function benchBundle(): Promise<boolean> {
  heading('3. First-load JS, gzipped (production build)');
  console.log(`build: ${assertBuilt()}`);
  const fromManifests = new Map(ROUTES.map((route) => [route.entry, firstLoadFromManifests(route.entry)]));

  const browserHome = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-browser-'));
  const app = await startApp();
  let loaded: Map<string, Loaded>;
  try {
    const browser = await launchChromium(browserHome);
    try {
      loaded = await scriptsTheBrowserLoads(browser, app);
    } finally {
      await browser.close();
    }
  } finally {
    await app.stop();
    fs.rmSync(browserHome, { recursive: true, force: true });
  }

  let pass = true;
  const totals = new Map<string, number>();
  for (const route of ROUTES) {
    const manifestFiles = fromManifests.get(route.entry)!;
    const browserFiles = loaded.get(route.entry)!;
    console.log(`-- ${route.label}`);
    const onlyManifest = manifestFiles.filter((file) => !browserFiles.files.includes(file));
    const onlyBrowser = browserFiles.files.filter((file) => !manifestFiles.includes(file));
    console.log(
      `   files: ${manifestFiles.length} from the build manifests, ${browserFiles.files.length} downloaded by Chromium` +
        (onlyManifest.length || onlyBrowser.length
          ? `; manifest only: ${onlyManifest.join(', ') || '—'}; browser only: ${onlyBrowser.join(', ') || '—'}`
          : ' (the same files)'),
    );
    // Two figures: first-load JS as the build output defines it (the route's own chunks, what must
    // arrive before the page is interactive), and everything the browser downloads for the screen,
    // which adds chunks loaded right after hydration (the rich editor). Both are held to the target.
    const sizes = browserFiles.files.map(sizeOf);
    const raw = sizes.reduce((sum, s) => sum + s.raw, 0);
    const gzip = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const gzip9 = sizes.reduce((sum, s) => sum + s.gzip9, 0);
    const manifestGzip = manifestFiles.map(sizeOf).reduce((sum, s) => sum + s.gzip, 0);
    totals.set(route.entry, gzip);
    console.log(`   raw ${kB(raw)}, gzip (default level, as next start serves) ${kB(gzip)}, gzip -9 ${kB(gzip9)}`);
    console.log(`   as served to Chromium: ${kB(browserFiles.transferred)} transferred (${browserFiles.encodings.join(', ') || 'no'} encoding); from the manifests alone: ${kB(manifestGzip)} gzip`);
    console.log('   largest chunks (gzip):');
    for (const s of [...sizes].sort((a, b) => b.gzip - a.gzip).slice(0, 5)) {
      console.log(`     ${s.file.padEnd(38)} ${kB(s.gzip).padStart(9)} gzip ${kB(s.raw).padStart(9)} raw  ${s.contains.join(', ')}`);
    }
    if (route.target !== undefined) {
      pass = verdict(`first-load JS of ${route.label} (build manifests), gzip`, manifestGzip / 1000, route.target, 'kB') && pass;
      pass = verdict(`all JS ${route.label} downloads, incl. the lazily loaded editor, gzip`, gzip / 1000, route.target, 'kB') && pass;
    }
  }
  const editor = totals.get(ROUTES[0]!.entry)!;
  const desk = totals.get(ROUTES[1]!.entry)!;
  console.log(`the editor route adds ${kB(editor - desk)} gzip over /desk (${(editor / desk).toFixed(2)}×)`);
  return pass;
}

function sizeOf(file: string): FileSize {
  const bytes = fs.readFileSync(path.join(BUILD_DIR, file));
  const text = bytes.toString('utf8');
  return {
    file: path.basename(file),
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes).length,
    gzip9: zlib.gzipSync(bytes, { level: 9 }).length,
    contains: SIGNATURES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name),
  };
}

type ClientManifest = { entryJSFiles: Record<string, string[]> };

/**
 * The build's own answer: the root main files every page loads (the `noModule` polyfills are left
 * out: a current browser skips them) plus the client chunks of the route's layouts and page from
 * its client reference manifest. Paths are relative to .next/.
 */
function firstLoadFromManifests(entry: string): string[] {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(BUILD_DIR, 'server/app', entry, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles: string[];
  };
  const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientManifest> } };
  vm.runInNewContext(fs.readFileSync(path.join(BUILD_DIR, 'server/app', `${entry}_client-reference-manifest.js`), 'utf8'), sandbox);
  const manifest = sandbox.globalThis.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`No client reference manifest for ${entry}; has the build layout changed?`);

  const pageDir = `[project]/app${path.posix.dirname(entry)}`;
  const segments = Object.entries(manifest.entryJSFiles).filter(([key]) => {
    if (key === `${pageDir}/page`) return true;
    return key.endsWith('/layout') && pageDir.startsWith(path.posix.dirname(key));
  });
  return unique([...buildManifest.rootMainFiles, ...segments.flatMap(([, files]) => files)]);
}

type Loaded = { files: string[]; transferred: number; encodings: string[] };

/** Opens each route in a fresh context (empty HTTP cache) and lists the scripts under /_next/static. */
async function scriptsTheBrowserLoads(browser: Browser, app: RunningApp): Promise<Map<string, Loaded>> {
  const signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  await signIn(page, app);
  const created = await page.request.post(`${app.baseUrl}/api/articles`);
  if (created.status() !== 201) throw new Error(`POST /api/articles answered ${created.status()}`);
  const { id } = (await created.json()) as { id: number };
  const storageState = await signedIn.storageState();
  await signedIn.close();

  const result = new Map<string, Loaded>();
  for (const route of ROUTES) {
    const context = await browser.newContext({ storageState });
    const fresh = await context.newPage();
    const scripts: { file: string; transferred: Promise<number>; encoding: string }[] = [];
    fresh.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/_next/static/') || !url.pathname.endsWith('.js')) return;
      scripts.push({
        file: url.pathname.replace('/_next/', ''),
        transferred: response.request().sizes().then((sizes) => sizes.responseBodySize),
        encoding: response.headers()['content-encoding'] ?? '',
      });
    });
    await fresh.goto(`${app.baseUrl}${route.path(id)}`, { waitUntil: 'networkidle' });
    if (route.entry.includes('articles')) {
      await fresh.locator('#body[contenteditable="true"]').waitFor();
      await fresh.waitForLoadState('networkidle');
    }
    const transferred = (await Promise.all(scripts.map((s) => s.transferred))).reduce((sum, n) => sum + n, 0);
    result.set(route.entry, {
      files: unique(scripts.map((s) => s.file)),
      transferred,
      encodings: unique(scripts.map((s) => s.encoding).filter(Boolean)),
    });
    await context.close();
  }
  return result;
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
