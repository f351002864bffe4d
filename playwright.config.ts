import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium-launch';

/**
 * The suite runs against the production build (`npm run build` first) on a free port, with its
 * own temporary DATA_DIR: a fresh database, migrated and given its first admin by the server's own
 * start-up. The values go into process.env so the worker processes see the same ones.
 */
function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script]).toString();
}

process.env.E2E_PORT ??= freePort();
process.env.E2E_VARNISH_PORT ??= freePort();
process.env.E2E_MAIL_PORT ??= freePort();
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-'));
process.env.E2E_PASSWORD ??= randomBytes(12).toString('base64url');
// Where the suite's mail server (e2e/mail.ts) leaves each message it receives.
process.env.E2E_MAIL_DIR ??= path.join(process.env.E2E_DATA_DIR, 'mail');
const browserHome = path.join(process.env.E2E_DATA_DIR, 'browser-home');

const baseURL = `http://localhost:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  // One worker per core this run may use (`taskset` narrows it), less the one the server under test
  // needs. On two cores, two workers took the whole suite 12.6 min and 62 specs past 10 s (the
  // slowest 24 s); one worker took 12.3 min and 7 specs past 10 s (the slowest 12.5 s).
  workers: Math.max(1, os.availableParallelism() - 1),
  forbidOnly: Boolean(process.env.CI),
  // One retry on CI while a spec is known to flake under load (save-status's Retry test); the
  // report lists every retried test as flaky, never hides it.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions(browserHome),
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    { name: 'chromium', dependencies: ['setup'], testMatch: /.*\.spec\.ts/, testIgnore: /lighthouse\.spec\.ts/ },
    // Lighthouse times what it observes: it runs once every other spec is done, with the machine to itself.
    { name: 'lighthouse', dependencies: ['chromium'], testMatch: /lighthouse\.spec\.ts/ },
  ],
  webServer: {
    // The server as a newsroom runs it: the public cache in front of Next.
    command: 'npm start',
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: process.env.E2E_PORT,
      DATA_DIR: process.env.E2E_DATA_DIR,
      DEMO: '0',
      ADMIN_EMAIL: 'admin@e2e.example',
      ADMIN_PASSWORD: process.env.E2E_PASSWORD,
      NEWSROOM_TIMEZONE: 'UTC',
      // A story scheduled seconds ahead goes out at most a second late, so its spec need not wait long.
      SCHEDULER_INTERVAL_SECONDS: '1',
      // The Varnish the suite runs in front (e2e/varnish.ts) gets every purge.
      CDN_PURGE_URLS: `http://127.0.0.1:${process.env.E2E_VARNISH_PORT}/`,
      // Mail goes to the suite's own SMTP server (e2e/mail.ts).
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_MAIL_PORT}`,
      MAIL_FROM: 'desk@e2e.example',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
