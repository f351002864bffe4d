import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      { find: '@', replacement: path.resolve(__dirname) },
      // Outside Next the marker package throws; the tests are server code, so give them the empty variant.
      { find: /^server-only$/, replacement: path.resolve(__dirname, 'node_modules/server-only/empty.js') },
    ],
  },
  test: {
    include: ['lib/**/*.test.ts', 'server/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.tsx', 'bench/**/*.test.ts'],
    setupFiles: ['tests/temp-database.ts'],
    environment: 'node',
    // argon2 hashing is deliberately slow; a few tests hash several passwords.
    testTimeout: 20_000,
    // What a test polls for (a message over a socket, a purge sent) arrives late on a busy machine, not never.
    expect: { poll: { timeout: 10_000 } },
  },
});
