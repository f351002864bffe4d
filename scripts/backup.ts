/**
 * Backs up DATA_DIR while the server keeps serving:
 *   npm run backup                     into ./backups/dateline-backup-<UTC time>/
 *   npm run backup -- --out /mnt/nas   into another folder (another disk is better)
 * The database is copied with SQLite's online backup API; see server/ops/backup.ts.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { env } from '@/server/env';
import { createBackup } from '@/server/ops/backup';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'backups' } } });
  const started = Date.now();
  const { folder, manifest } = await createBackup(env().dataDir, path.resolve(values.out));
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  const { articles, revisions, photos, users } = manifest.database.counts;
  console.log(
    `Backed up ${env().dataDir} to ${folder}: ${articles} articles, ${revisions} revisions, ${photos} photos, ${users} users; ` +
      `${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
