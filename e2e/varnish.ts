import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real Varnish on loopback in front of the e2e server, with the example configuration users are
 * given (docs/cdn/varnish.vcl), its backend pointed at the server under test. Started once for the
 * run: the server sends its purges to it (CDN_PURGE_URLS) from its first change.
 */
/** On `localhost`, like the server under test, so the staff's session cookies go to it too. */
export function varnishUrl(): string {
  return `http://localhost:${process.env.E2E_VARNISH_PORT}`;
}

export function startVarnish(): () => void {
  const varnishd = ['/usr/sbin/varnishd', '/usr/bin/varnishd'].find((file) => fs.existsSync(file));
  if (!varnishd) throw new Error('The CDN tests run a real Varnish: install Debian’s varnish and varnish-modules (.ci/run does).');
  // Run as root, varnishd drops to its own user, which must be able to read the configuration.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-varnish-'));
  fs.chmodSync(dir, 0o755);
  const vcl = fs
    .readFileSync(path.join(__dirname, '../docs/cdn/varnish.vcl'), 'utf8')
    .replace(/\.port = "\d+";/, `.port = "${process.env.E2E_PORT}";`);
  fs.writeFileSync(path.join(dir, 'dateline.vcl'), vcl);
  const pidFile = path.join(dir, 'varnishd.pid');
  // varnishd checks the configuration, then runs in the background once it listens.
  execFileSync(varnishd, ['-a', `localhost:${process.env.E2E_VARNISH_PORT}`, '-f', path.join(dir, 'dateline.vcl'), '-n', path.join(dir, 'work'), '-s', 'malloc,64m', '-P', pidFile], {
    stdio: 'pipe',
  });
  return () => {
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
