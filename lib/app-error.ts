/**
 * Typed errors shared by the domain (which throws them) and the browser (which reads them back from
 * the API's `{ error: { code, message, fields } }` body). Messages are written for a person.
 */
export const ERROR_STATUS = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field name → messages for that field, shown beside it in the form. */
export type FieldErrors = Record<string, string[]>;

export type ApiErrorBody = {
  error: { code: ErrorCode | 'INTERNAL'; message: string; fields?: FieldErrors; current?: unknown };
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldErrors; current?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
