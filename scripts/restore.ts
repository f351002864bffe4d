/**
 * Restores a backup made by `npm run backup` into DATA_DIR, with the server stopped:
 *   npm run restore -- backups/dateline-backup-20261130T014502Z
 *   npm run restore -- <folder> --force    replace the database and photos of a non-empty DATA_DIR
 * Every file's checksum is checked before anything is written.
 */
import { parseArgs } from 'node:util';
import { env } from '@/server/env';
import { restoreBackup } from '@/server/ops/backup';

const USAGE = 'usage: npm run restore -- <backup folder> [--force]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new Error(USAGE);
  const manifest = await restoreBackup(positionals[0]!, env().dataDir, { force: values.force });
  const { articles, revisions, photos, users } = manifest.database.counts;
  console.log(
    `Restored the backup of ${manifest.createdAt} into ${env().dataDir}: ${articles} articles, ${revisions} revisions, ` +
      `${photos} photos, ${users} users, ${manifest.files.length} files, every checksum verified.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
