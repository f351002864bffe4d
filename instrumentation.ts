/** Next.js calls this once when the server starts, before any request is served. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootstrapOrExit } = await import('./server/bootstrap');
  await bootstrapOrExit();
}
