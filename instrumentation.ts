/** Next.js calls this once when the server starts, before any request is served. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // better-sqlite3 13 crashes the process on Node 20 instead of throwing: say why before it loads.
  if (Number(process.versions.node.split('.')[0]) < 22) {
    console.error(`Dateline needs Node.js 22 or newer; this is ${process.version}. Start it with bin/dateline start.`);
    process.exit(1);
  }
  const [{ bootstrapOrExit }, { installGracefulShutdown }] = await Promise.all([
    import('./server/bootstrap'),
    import('./server/ops/shutdown'),
  ]);
  await bootstrapOrExit();
  // Here, not in bootstrap: the shell scripts that bootstrap (db:seed) keep Node's own signal handling.
  installGracefulShutdown();
}
