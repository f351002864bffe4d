// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native addons are loaded from node_modules at run time, never bundled.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'sharp', 'exifr'],
  poweredByHeader: false,
  // A public page is cached by its address and the same bytes go to readers and to link-preview
  // crawlers, so its metadata (the social card, canonical) must be in <head> whoever asked first,
  // never streamed into the body for a browser's request.
  htmlLimitedBots: /./,
  // Public pages are cached in memory until the next change the public can see (see the handler).
  cacheHandler: require.resolve('./server/public/page-cache-handler.mjs'),
  cacheMaxMemorySize: 0,
  // Every response. Pages get their Content-Security-Policy (with a nonce) and HSTS from proxy.ts;
  // the routes it leaves out get theirs here (docs/decisions/013-security-headers-and-csp.md).
  async headers() {
    const notThroughProxy = ['/api/:path*', '/media/:path*'];
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      ...notThroughProxy.map((source) => ({
        source,
        // JSON and images: nothing in them may load, run or be framed, should one be opened as a page.
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }],
      })),
      ...notThroughProxy.map((source) => ({
        source,
        // Read per request: behind a TLS-terminating proxy, it says the reader came over https.
        has: [{ type: /** @type {const} */ ('header'), key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }],
      })),
    ];
  },
};

module.exports = nextConfig;
