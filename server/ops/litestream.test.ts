import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseFile } from '@/db/client';
import { env } from '@/server/env';
import { makeUser, writtenStory } from '@/tests/factories';
import { tableRows } from '@/tests/table-rows';

/**
 * The documented Litestream set-up (litestream.yml) against a real server database: replicate to a
 * local directory while the domain writes, restore into a new file, compare every row.
 */

const run = promisify(execFile);
// The binary itself, not the npm wrapper, which exits 0 when Litestream fails.
const LITESTREAM = createRequire(import.meta.url).resolve(`@flydotio/litestream-${process.platform}-${process.arch}/litestream`);
const CONFIG = path.join(process.cwd(), 'litestream.yml');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-litestream-'));
const litestreamEnv = { ...process.env, DATA_DIR: env().dataDir, LITESTREAM_REPLICA_DIR: path.join(scratch, 'replica') };
let replicator: ChildProcess | undefined;

afterAll(() => {
  replicator?.kill('SIGKILL');
  fs.rmSync(scratch, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const rowsOf = (file: string) => tableRows(file, ['articles', 'revisions', 'audit_log']);

/** Resolves when the replicator has exited after SIGTERM, with its exit code. */
function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('litestream.yml', () => {
  it('replicates the database to a directory, and a restore has every committed row', async () => {
    const writer = await makeUser('editor');
    writtenStory(writer, 'Before replication started');

    let log = '';
    replicator = spawn(LITESTREAM, ['replicate', '-config', CONFIG], { env: litestreamEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    replicator.stdout!.on('data', (chunk: Buffer) => (log += chunk));
    replicator.stderr!.on('data', (chunk: Buffer) => (log += chunk));
    for (let i = 0; i < 40 && !log.includes('initialized db'); i++) await pause(100);
    expect(log).toContain('initialized db');

    for (let i = 0; i < 20; i++) writtenStory(writer, `Written while replicating ${i}`);
    // sync-interval is 1 s; give it two.
    await pause(2_200);
    expect(await stop(replicator)).toBe(0);

    const restored = path.join(scratch, 'restored', 'dateline.db');
    await run(LITESTREAM, ['restore', '-config', CONFIG, '-o', restored, databaseFile()], { env: litestreamEnv });
    expect(rowsOf(restored)).toEqual(rowsOf(databaseFile()));
    expect(rowsOf(restored).articles).toHaveLength(21);
  }, 20_000);
});
