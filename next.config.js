// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // forbidden() renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // Native addons are loaded from node_modules at run time, never bundled.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'sharp', 'exifr'],
  poweredByHeader: false,
  // Public pages are cached in memory until the next change the public can see (see the handler).
  cacheHandler: require.resolve('./server/public/page-cache-handler.mjs'),
  cacheMaxMemorySize: 0,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
