import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/** What every log line written while serving one request carries. */
export type RequestContext = { requestId: string; userId?: number };

type LogState = { logger: pino.Logger; requests: AsyncLocalStorage<RequestContext> };

/**
 * Keys whose values never reach a log line: credentials, tokens and the text people write.
 * Pino's redaction matches exact paths, so each is given at the top level and one level down.
 */
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'token', 'authorization', 'cookie', 'body', 'bodyText', 'text'];
const REDACT_PATHS = [...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`)];

/**
 * Errors as a log line may hold them. drizzle puts a failed query's parameters (an article's body,
 * a password hash) into the message and so the stack: keep the SQL, drop the parameters.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const message = error.message.split('\nparams:')[0]!;
  const frames = (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at '));
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message,
    stack: [`${error.name}: ${message}`, ...frames].join('\n'),
    ...(error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

function createState(): LogState {
  const requests = new AsyncLocalStorage<RequestContext>();
  const logger = pino(
    {
      level: 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      mixin() {
        const context = requests.getStore();
        return context ? { reqId: context.requestId, ...(context.userId ? { userId: context.userId } : {}) } : {};
      },
    },
    // Synchronous writes: the lines before a crash or an exit are the ones an operator needs.
    pino.destination({ dest: 1, sync: true }),
  );
  return { logger, requests };
}

// Next bundles instrumentation, the proxy and each route separately: one logger and one request
// store per process, on globalThis, or a line logged deep in server/ would not see its request.
const globalForLog = globalThis as { datelineLog?: LogState };
const state = (globalForLog.datelineLog ??= createState());

/** The process's structured (JSON) logger; inside a request each line carries reqId and userId. */
export const log = state.logger;

/** Runs `work` as part of one request: every line it logs carries the request's id. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return state.requests.run(context, work);
}

/** The request being served, if any. */
export function currentRequestContext(): RequestContext | undefined {
  return state.requests.getStore();
}

/** Once the session is known, the request's remaining lines name who made it. */
export function noteRequestUser(userId: number): void {
  const context = state.requests.getStore();
  if (context) context.userId = userId;
}
