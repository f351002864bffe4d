/** Next.js calls this once when the server starts, before any request is served. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  (await import('./server/ops/supported-node')).exitUnlessSupportedNode();
  const [{ bootstrapOrExit }, { installGracefulShutdown }] = await Promise.all([
    import('./server/bootstrap'),
    import('./server/ops/shutdown'),
  ]);
  await bootstrapOrExit();
  // Here, not in bootstrap: the shell scripts that bootstrap (db:seed) keep Node's own signal handling.
  installGracefulShutdown();
}
