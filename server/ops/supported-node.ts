import 'server-only';

/** The oldest Node.js major Dateline runs on: better-sqlite3 13 needs 22 (decision 015). */
const OLDEST_MAJOR = 22;

/**
 * Stops the server with a sentence that names the fix. better-sqlite3 13 crashes the process on
 * Node 20 instead of throwing, so this must run before the database module loads.
 */
export function exitUnlessSupportedNode(): void {
  if (Number(process.versions.node.split('.')[0]) >= OLDEST_MAJOR) return;
  console.error(`Dateline needs Node.js ${OLDEST_MAJOR} or newer; this is ${process.version}. Start it with bin/dateline start.`);
  process.exit(1);
}
