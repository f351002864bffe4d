import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '@/db/client';
import { env } from '@/server/env';
import { makeUser, writtenStory } from '@/tests/factories';
import { tableRows } from '@/tests/table-rows';
import { createBackup, DataDirNotEmpty, MANIFEST_NAME, restoreBackup, verifyBackup } from './backup';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-backup-test-'));
const backups = path.join(scratch, 'backups');
const photoFile = 'photos/ab/ab00000000000000000000000000000000000000000000000000000000000000/original';
let folder: string;

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The tables a newsroom cannot lose. */
const rowsOf = (file: string) => tableRows(file, ['users', 'articles', 'revisions', 'photos', 'audit_log']);

beforeAll(async () => {
  const writer = await makeUser('editor');
  for (let i = 0; i < 3; i++) writtenStory(writer, `Story ${i}`, new Date(), `Пример текста ${i}.`);
  const photo = path.join(env().dataDir, photoFile);
  fs.mkdirSync(path.dirname(photo), { recursive: true });
  fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]));
  fs.mkdirSync(path.join(env().dataDir, 'photos', 'staging', 'in-progress'), { recursive: true });
  fs.writeFileSync(path.join(env().dataDir, 'photos', 'staging', 'in-progress', 'original'), 'half an upload');
  ({ folder } = await createBackup(env().dataDir, backups, new Date('2026-11-30T01:45:02.123Z')));
});

describe('createBackup', () => {
  it('writes the snapshot and the files, each in the manifest with its checksum', async () => {
    expect(path.basename(folder)).toBe('dateline-backup-20261130T014502Z');
    const manifest = await verifyBackup(folder);
    expect(manifest.database.counts).toMatchObject({ articles: 3, users: 1 });
    expect(manifest.files.map((file) => file.path).sort()).toEqual(['dateline.db', photoFile]);
    expect(fs.readdirSync(backups)).toEqual([path.basename(folder)]);
  });

  it('is the database as it was, also while the server keeps the rest in its WAL', () => {
    expect(rowsOf(path.join(folder, 'dateline.db'))).toEqual(rowsOf(databaseFile()));
  });
});

describe('restoreBackup', () => {
  it('restores into an empty DATA_DIR: the same rows and byte-identical files', async () => {
    const target = path.join(scratch, 'restored');
    await restoreBackup(folder, target);
    expect(rowsOf(path.join(target, 'dateline.db'))).toEqual(rowsOf(databaseFile()));
    expect(fs.readFileSync(path.join(target, photoFile))).toEqual(fs.readFileSync(path.join(env().dataDir, photoFile)));
  });

  it('refuses a non-empty DATA_DIR unless forced, and then replaces the database and its WAL', async () => {
    const target = path.join(scratch, 'in-use');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'dateline.db'), 'another newsroom');
    fs.writeFileSync(path.join(target, 'dateline.db-wal'), 'its write-ahead log');
    await expect(restoreBackup(folder, target)).rejects.toBeInstanceOf(DataDirNotEmpty);
    expect(fs.readFileSync(path.join(target, 'dateline.db'), 'utf8')).toBe('another newsroom');

    await restoreBackup(folder, target, { force: true });
    expect(fs.existsSync(path.join(target, 'dateline.db-wal'))).toBe(false);
    expect(rowsOf(path.join(target, 'dateline.db'))).toEqual(rowsOf(databaseFile()));
  });

  it('restores nothing from a damaged backup', async () => {
    const damaged = path.join(scratch, 'damaged');
    fs.cpSync(folder, damaged, { recursive: true });
    fs.appendFileSync(path.join(damaged, photoFile), 'x');
    const target = path.join(scratch, 'untouched');
    await expect(restoreBackup(damaged, target)).rejects.toThrow(/damaged[\s\S]*original: \d+ bytes, the manifest says/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('refuses a manifest that names a file outside the backup', async () => {
    const tampered = path.join(scratch, 'tampered');
    fs.cpSync(folder, tampered, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(tampered, MANIFEST_NAME), 'utf8'));
    manifest.files[0].path = '../../etc/passwd';
    fs.writeFileSync(path.join(tampered, MANIFEST_NAME), JSON.stringify(manifest));
    await expect(verifyBackup(tampered)).rejects.toThrow(/not a plain relative path/);
  });
});
