import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      // Only server/env.ts reads the environment (NEXT_RUNTIME in instrumentation.ts is Next's own);
      // tests and benchmarks configure the app they start.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through server/env.ts.' },
      ],
    },
  },
  {
    files: ['server/env.ts', 'instrumentation.ts', 'playwright.config.ts', 'e2e/**', 'tests/**', 'bench/**', '**/*.test.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The public site is documents: its links are plain, so each step is a page the public cache and a
    // CDN answer, never a router payload rendered per request (docs/decisions/017).
    files: ['app/(public)/**/*.tsx', 'components/public/**/*.tsx'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    // A client component may import lib/ and components/, never the server-only domain or the database.
    files: ['components/**/*.tsx', 'lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/server/*', '@/db/*'], message: 'Browser code cannot import server/ or db/.' }] },
      ],
    },
  },
];

export default config;
