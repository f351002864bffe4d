/**
 * Imports agency copy from the shell, in an admin's name (photos enter the library as theirs):
 *   npm run wire:import -- --as admin@newsroom.org <file or folder>…
 * Each .xml (NewsML-G2) or .json (ninjs 2.x) file is taken on its own; a package's photos are the
 * files its hrefs name in the same folder. A bad file is reported and the others still go in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '@/lib/app-error';
import { ingestWireFile } from '@/server/wire-ingest/ingest-item';
import { photoFilesBeside } from '@/server/wire-ingest/photo-files';
import { findActiveUserByEmail } from '@/server/users/queries';

const USAGE = 'usage: npm run wire:import -- --as ADMIN_EMAIL <file or folder>…';

function wireFiles(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((name) => /\.(xml|json)$/i.test(name))
    .sort()
    .map((name) => path.join(target, name));
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { as: { type: 'string' } }, allowPositionals: true });
  if (!values.as || positionals.length === 0) throw new Error(USAGE);
  const admin = findActiveUserByEmail(values.as);
  if (!admin) throw new Error(`There is no enabled account ${values.as}.`);
  let failures = 0;
  for (const file of positionals.flatMap(wireFiles)) {
    try {
      const outcomes = await ingestWireFile({ sourceId: null, uploader: admin }, fs.readFileSync(file, 'utf8'), photoFilesBeside(path.dirname(file)));
      for (const outcome of outcomes) {
        const missing = outcome.photos.filter((photo) => photo.photoId === null);
        console.log(`${path.basename(file)}: ${outcome.result} ${outcome.guid} version ${outcome.version}${missing.length > 0 ? ` (${missing.length} photo(s) not received)` : ''}`);
      }
    } catch (error) {
      failures += 1;
      console.error(`${path.basename(file)}: ${isAppError(error) ? error.message : error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
