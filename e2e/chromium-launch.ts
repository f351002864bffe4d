import type { LaunchOptions } from '@playwright/test';

/**
 * How the tests and the benchmarks start Debian's Chromium (Playwright's own browser download is
 * not reachable here): without the background networking a closed network refuses, and with its
 * profile and caches under `homeDir`, as the Debian wrapper writes there.
 */
export function chromiumLaunchOptions(homeDir: string): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    env: { ...process.env, XDG_CONFIG_HOME: homeDir, XDG_CACHE_HOME: homeDir },
  };
}
