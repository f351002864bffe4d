/**
 * Fills a data directory with a synthetic newsroom archive to measure with (see
 * bench/support/synthetic-archive.ts for what it holds):
 *
 *   npm run archive:fill -- --articles 100000 [--data-dir DIR] [--seed N]
 *
 * The server must not be running on the same DATA_DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { setEnv } from './support/bench-env';

const Options = z.strictObject({
  articles: z.coerce.number().int().min(1).max(2_000_000),
  'data-dir': z.string().min(1).default(path.join(process.cwd(), 'data')),
  seed: z.coerce.number().int().default(20261204),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { articles: { type: 'string' }, 'data-dir': { type: 'string' }, seed: { type: 'string' } } });
  const parsed = Options.safeParse(values);
  if (!parsed.success) {
    console.error(`archive:fill: ${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    console.error('usage: npm run archive:fill -- --articles N [--data-dir DIR] [--seed N]');
    process.exit(2);
  }
  const options = parsed.data;
  fs.mkdirSync(options['data-dir'], { recursive: true });
  // The app reads its environment once, on first use: set it before importing anything that does.
  setEnv({ DATA_DIR: path.resolve(options['data-dir']), DEMO: '0', ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined });
  const [{ fillArchive }, { checkpointAndClose }] = await Promise.all([import('./support/synthetic-archive'), import('@/db/client')]);
  try {
    const result = await fillArchive({ articles: options.articles, seed: options.seed, log: (line) => console.log(line) });
    console.log(
      `archive:fill: done, ${result.articles.toLocaleString('en')} stories in ${result.seconds.toFixed(1)} s ` +
        `(${Math.round(result.perSecond).toLocaleString('en')} stories/s; ${((result.cpuSeconds * 1000) / result.articles).toFixed(2)} ms of CPU a story, ` +
        `${Math.round(result.articles / result.cpuSeconds).toLocaleString('en')} stories per CPU second; set-up not counted)`,
    );
  } finally {
    checkpointAndClose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
