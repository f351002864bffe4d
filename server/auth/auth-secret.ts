import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/server/env';

let cached: string | undefined;

/**
 * AUTH_SECRET from the environment, else the one generated into DATA_DIR on first start, so
 * sessions survive a restart without a secret ever being committed.
 */
export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);

  const file = path.join(env().dataDir, 'auth-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if another process wrote it first; then that one's secret is read below.
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  cached = fs.readFileSync(file, 'utf8').trim();
  return cached;
}
