import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium-launch';
import { childEnv } from './bench-env';

/**
 * The production app on a free port with its own empty DATA_DIR, and Debian's Chromium, for the
 * benchmarks that need a browser. It runs `npm start` against `npm run build`.
 */

export const BUILD_DIR = path.join(process.cwd(), '.next');

/** The benchmarks measure the production build; without one they stop with what to do. */
export function assertBuilt(): string {
  const buildIdFile = path.join(BUILD_DIR, 'BUILD_ID');
  if (!fs.existsSync(buildIdFile)) {
    throw new Error('No production build in .next/: run `npm run build` first, then `npm run bench` again.');
  }
  const built = fs.statSync(buildIdFile).mtime;
  return `${fs.readFileSync(buildIdFile, 'utf8').trim()} (built ${built.toISOString()})`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type RunningApp = {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  dataDir: string;
  /** The `next start` process, which serves the requests itself. */
  pid: number;
  stop: () => Promise<void>;
  /** SIGKILL, as a crash or the OOM killer would; resolves once the process is gone. */
  crash: () => Promise<void>;
  /** SIGTERM, as Docker or systemd would: how it exited and how long it took. */
  terminate: () => Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
};

export type StartOptions = {
  /** Serve this DATA_DIR (kept on stop) instead of a fresh temporary one (removed on stop). */
  dataDir?: string;
  /** Serve on this port, e.g. the one a restarted server had. */
  port?: number;
  /** Everything the server writes to stdout and stderr, as it comes. */
  onOutput?: (text: string) => void;
};

/**
 * Starts the server as `npm start` does and resolves once /login answers; the caller must `stop()` it (in `finally`).
 * `env` adds to the server's environment (a malloc setting, say).
 */
export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-app-'));
  const port = options.port ?? (await freePort());
  const baseUrl = `http://localhost:${port}`;
  const adminEmail = 'bench-admin@bench.example';
  const adminPassword = randomBytes(12).toString('base64url');
  const start = npmStart();
  const child = spawn(process.execPath, start.nodeArgs, {
    cwd: process.cwd(),
    env: childEnv({
      ...start.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO: '0',
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      NEWSROOM_TIMEZONE: 'UTC',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
    options.onOutput?.(chunk.toString());
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Ctrl-C during a benchmark must not leave the server behind.
  const onSignal = () => {
    child.kill('SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);

  const stop = async () => {
    process.removeListener('SIGINT', onSignal);
    await killChild(child);
    if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const crash = async () => {
    process.removeListener('SIGINT', onSignal);
    child.kill('SIGKILL');
    await exited;
  };
  const terminate = async () => {
    process.removeListener('SIGINT', onSignal);
    const started = Date.now();
    child.kill('SIGTERM');
    return { ...(await exited), ms: Date.now() - started };
  };

  try {
    await waitForLogin(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, adminEmail, adminPassword, dataDir, pid: child.pid!, stop, crash, terminate };
}

/**
 * `npm start` as package.json writes it (`NAME=value … node ARGS`), run here without npm between so
 * that the process measured is the server itself: what the benches measure is what a newsroom runs.
 */
export function npmStart(): { env: Record<string, string>; nodeArgs: string[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = manifest.scripts.start.split(/\s+/);
  const node = words.indexOf('node');
  if (node < 0) throw new Error(`npm start is not a node command: ${manifest.scripts.start}`);
  const env = Object.fromEntries(words.slice(0, node).map((assignment) => assignment.split('=', 2) as [string, string]));
  return { env, nodeArgs: words.slice(node + 1) };
}

async function waitForLogin(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/login`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /login within 60 s:\n${log()}`);
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Debian's Chromium with the flags the e2e suite uses; its profile lives in a temp folder. */
export async function launchChromium(homeDir: string): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions(homeDir));
}

/** Signs in through the form, as a person does, and waits for the desk. */
export async function signIn(page: Page, app: RunningApp): Promise<void> {
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('Email').fill(app.adminEmail);
  await page.getByLabel('Password').fill(app.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/desk'));
}
