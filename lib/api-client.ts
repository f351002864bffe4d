import type { ApiErrorBody, ErrorCode, FieldErrors } from './app-error';

/** An API refusal as the browser sees it: the status, the code and the person-readable message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'INTERNAL' | 'NETWORK',
    message: string,
    readonly fields: FieldErrors = {},
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** JSON in, JSON out; any non-2xx answer is thrown as an ApiError carrying the server's message. */
export async function apiFetch<T>(url: string, init: { method: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Dateline cannot be reached. Check your connection; your text is still here.');
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  throw apiErrorFrom(response.status, payload);
}

/** A refusal's JSON body as an ApiError; a body that is not ours still gives a message. */
export function apiErrorFrom(status: number, payload: unknown, fallback = `The server answered ${status}.`): ApiError {
  const error = (payload as Partial<ApiErrorBody> | null)?.error;
  return new ApiError(status, error?.code ?? 'INTERNAL', error?.message ?? fallback, error?.fields, error?.current);
}
