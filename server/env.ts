import 'server-only';
import path from 'node:path';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { isTimeZone } from '@/lib/zoned-time';

function compilesAsTrust(list: string[]): boolean {
  try {
    proxyAddr.compile(list);
    return true;
  } catch {
    return false;
  }
}

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('./data'),
    AUTH_SECRET: z
      .string()
      .min(32, 'AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)')
      .optional(),
    ADMIN_EMAIL: z.email('ADMIN_EMAIL must be an email address').optional(),
    ADMIN_PASSWORD: z.string().min(12, 'ADMIN_PASSWORD must be at least 12 characters').optional(),
    DEMO: z.enum(['0', '1'], { message: 'DEMO must be 0 or 1' }).default('1'),
    NEWSROOM_TIMEZONE: z
      .string()
      .default('UTC')
      .refine(isTimeZone, 'NEWSROOM_TIMEZONE must be an IANA time zone such as Europe/London'),
    SITE_URL: z
      .url({ protocol: /^https?$/, error: 'SITE_URL must be the http(s) address readers use, e.g. https://news.example.org' })
      .optional(),
    SITE_NAME: z.string().trim().min(1).max(100, 'SITE_NAME must be at most 100 characters').default('Dateline'),
    SITE_LANGUAGE: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'SITE_LANGUAGE must be a language tag such as en or pt-BR')
      .default('en'),
    // A signed-in session ends this long after sign-in, however busy its owner is.
    SESSION_MAX_AGE_HOURS: z.coerce
      .number({ error: 'SESSION_MAX_AGE_HOURS must be a number of hours' })
      .positive('SESSION_MAX_AGE_HOURS must be more than 0')
      .max(24 * 30, 'SESSION_MAX_AGE_HOURS must be at most 720 (30 days)')
      .default(12),
    // …and this long after its last request: an abandoned tab signs itself out.
    SESSION_IDLE_MINUTES: z.coerce
      .number({ error: 'SESSION_IDLE_MINUTES must be a number of minutes' })
      .int('SESSION_IDLE_MINUTES must be a whole number of minutes')
      .min(5, 'SESSION_IDLE_MINUTES must be at least 5')
      .default(60),
    // How often the scheduler looks for stories due to go out: the longest a due story waits.
    SCHEDULER_INTERVAL_SECONDS: z.coerce
      .number({ error: 'SCHEDULER_INTERVAL_SECONDS must be a number of seconds' })
      .int('SCHEDULER_INTERVAL_SECONDS must be a whole number of seconds')
      .min(1, 'SCHEDULER_INTERVAL_SECONDS must be at least 1')
      .max(60, 'SCHEDULER_INTERVAL_SECONDS must be at most 60')
      .default(10),
    // Where each public change is purged by surrogate key: one or more URLs of CDN purge endpoints
    // (a Varnish with xkey, a purging proxy…), separated by spaces or commas.
    CDN_PURGE_URLS: z
      .string()
      .transform((list) => list.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/, error: 'CDN_PURGE_URLS must be http(s) addresses, separated by spaces or commas' })))
      .default([]),
    // The in-process public cache's ceiling: compressed and plain copies of every cached response count.
    PUBLIC_CACHE_MAX_MB: z.coerce
      .number({ error: 'PUBLIC_CACHE_MAX_MB must be a number of megabytes' })
      .int('PUBLIC_CACHE_MAX_MB must be a whole number of megabytes')
      .min(1, 'PUBLIC_CACHE_MAX_MB must be at least 1')
      .max(4096, 'PUBLIC_CACHE_MAX_MB must be at most 4096')
      .default(64),
    // Live stories' event streams (docs/decisions/021): how many one reader's address may hold open,
    // and how many this process holds in all. An office behind one NAT address is many readers.
    LIVE_STREAMS_PER_ADDRESS: z.coerce
      .number({ error: 'LIVE_STREAMS_PER_ADDRESS must be a number of streams' })
      .int('LIVE_STREAMS_PER_ADDRESS must be a whole number')
      .min(1, 'LIVE_STREAMS_PER_ADDRESS must be at least 1')
      .default(50),
    LIVE_STREAMS_MAX: z.coerce
      .number({ error: 'LIVE_STREAMS_MAX must be a number of streams' })
      .int('LIVE_STREAMS_MAX must be a whole number')
      .min(1, 'LIVE_STREAMS_MAX must be at least 1')
      .default(10_000),
    // The proxies and CDNs in front whose X-Forwarded-For is believed, as addresses or CIDR ranges
    // (or proxy-addr's names: loopback, linklocal, uniquelocal), separated by spaces or commas.
    TRUSTED_PROXIES: z
      .string()
      .transform((list) => list.split(/[\s,]+/).filter(Boolean))
      .refine(compilesAsTrust, 'TRUSTED_PROXIES must be IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal), separated by spaces or commas')
      .default([]),
    // Stack traces in the logs mapped back to the TypeScript, at the cost of keeping every server
    // chunk's source map in memory (about 70 MB): for whoever chases an error.
    SOURCE_MAPS: z.enum(['0', '1'], { message: 'SOURCE_MAPS must be 0 or 1' }).default('0'),
    // Outgoing mail (docs/decisions/026): where to send it, e.g. smtp://user:pass@mail.example.org:587
    // or smtps://…:465. Unset, Dateline sends no mail and queues none, and admins pass links on by hand.
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// address, e.g. smtp://user:password@mail.example.org:587' })
      .optional(),
    MAIL_FROM: z.email('MAIL_FROM must be an email address, e.g. newsroom@example.org').optional(),
    // The hour (0–23, in NEWSROOM_TIMEZONE) at which each person's daily digest goes out.
    MAIL_DIGEST_HOUR: z.coerce
      .number({ error: 'MAIL_DIGEST_HOUR must be an hour from 0 to 23' })
      .int('MAIL_DIGEST_HOUR must be a whole hour')
      .min(0, 'MAIL_DIGEST_HOUR must be from 0 to 23')
      .max(23, 'MAIL_DIGEST_HOUR must be from 0 to 23')
      .default(7),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  })
  .refine((env) => (env.ADMIN_EMAIL === undefined) === (env.ADMIN_PASSWORD === undefined), {
    message: 'Set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither',
    path: ['ADMIN_EMAIL'],
  })
  .refine((env) => env.SMTP_URL === undefined || env.MAIL_FROM !== undefined, {
    message: 'Set MAIL_FROM, the address mail is sent from, together with SMTP_URL',
    path: ['MAIL_FROM'],
  })
  .refine((env) => env.SESSION_IDLE_MINUTES <= env.SESSION_MAX_AGE_HOURS * 60, {
    message: 'SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_AGE_HOURS',
    path: ['SESSION_IDLE_MINUTES'],
  });

export type Env = z.infer<typeof EnvSchema> & {
  dataDir: string;
  /** The public origin, without a trailing slash: SITE_URL, else this server on localhost. */
  siteUrl: string;
};

/** Empty strings count as unset, as a shell's `FOO= npm start` means. */
function definedOnly(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(definedOnly(source));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || 'env'}: ${issue.message}`);
    throw new Error(`Dateline cannot start, the environment is invalid:\n${problems.join('\n')}`);
  }
  const dir = result.data.DATA_DIR;
  return {
    ...result.data,
    dataDir: path.isAbsolute(dir) ? dir : path.join(/*turbopackIgnore: true*/ process.cwd(), dir),
    siteUrl: new URL(result.data.SITE_URL ?? `http://localhost:${result.data.PORT}`).origin,
  };
}

let cached: Env | undefined;

/** The validated environment; the only reader of process.env in the app. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
