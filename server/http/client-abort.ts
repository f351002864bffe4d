import 'server-only';

/** The error a request body's stream fails with when its sender went away mid-request. */
export function isClientAbort(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, name } = error as NodeJS.ErrnoException;
  return code === 'ECONNRESET' || code === 'ABORT_ERR' || name === 'AbortError' || message === 'aborted';
}
