/**
 * Every test file gets its own DATA_DIR, so its own freshly migrated SQLite file: tests never share
 * rows and never touch ./data. Set before any module reads the environment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-test-'));
process.env.DATA_DIR = dir;
process.env.DEMO = '0';
delete process.env.ADMIN_EMAIL;
delete process.env.ADMIN_PASSWORD;

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
