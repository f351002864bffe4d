import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

/** A clean environment: only what the test names, not the runner's own process.env. */
const parse = (vars: Record<string, string>) => parseEnv({ NODE_ENV: 'test', ...vars });

const SECRET = 's'.repeat(32);

describe('parseEnv', () => {
  it('fills in the defaults', () => {
    const env = parse({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO: '1', NEWSROOM_TIMEZONE: 'UTC' });
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.ADMIN_EMAIL).toBeUndefined();
    expect(path.isAbsolute(env.dataDir)).toBe(true);
    expect(env.dataDir).toBe(path.resolve('data'));
    expect(env).toMatchObject({ siteUrl: 'http://localhost:3000', SITE_NAME: 'Dateline', SITE_LANGUAGE: 'en' });
    expect(env).toMatchObject({ SESSION_MAX_AGE_HOURS: 12, SESSION_IDLE_MINUTES: 60, SCHEDULER_INTERVAL_SECONDS: 10 });
    // `next start` sets NODE_ENV; anything that does not counts as production, the strict case.
    expect(parse({ NODE_ENV: '' }).NODE_ENV).toBe('production');
  });

  it('takes the session’s maximum age and idle timeout', () => {
    expect(parse({ SESSION_MAX_AGE_HOURS: '8', SESSION_IDLE_MINUTES: '20' })).toMatchObject({
      SESSION_MAX_AGE_HOURS: 8,
      SESSION_IDLE_MINUTES: 20,
    });
    // Half a working day is a fair maximum; an idle timeout as long as the maximum turns it off.
    expect(parse({ SESSION_MAX_AGE_HOURS: '0.5', SESSION_IDLE_MINUTES: '30' }).SESSION_MAX_AGE_HOURS).toBe(0.5);
  });

  it('takes how often the scheduler looks for due stories', () => {
    // The e2e suite runs it every second, so a story scheduled seconds ahead goes out at once.
    expect(parse({ SCHEDULER_INTERVAL_SECONDS: '1' }).SCHEDULER_INTERVAL_SECONDS).toBe(1);
  });

  it('takes the CDN purge addresses, separated by spaces or commas, and the public cache’s ceiling', () => {
    const env = parse({ CDN_PURGE_URLS: 'http://127.0.0.1:6081/ , https://cdn.example.net/purge', PUBLIC_CACHE_MAX_MB: '256' });
    expect(env.CDN_PURGE_URLS).toEqual(['http://127.0.0.1:6081/', 'https://cdn.example.net/purge']);
    expect(env.PUBLIC_CACHE_MAX_MB).toBe(256);
    expect(parse({}).CDN_PURGE_URLS).toEqual([]);
  });

  it('takes the public site’s address, name and language', () => {
    const env = parse({ SITE_URL: 'https://news.example.org/', SITE_NAME: 'The Paper', SITE_LANGUAGE: 'pt-BR' });
    expect(env).toMatchObject({ siteUrl: 'https://news.example.org', SITE_NAME: 'The Paper', SITE_LANGUAGE: 'pt-BR' });
  });

  it('takes the mail server, the sender and the digest hour; without SMTP_URL mail is off', () => {
    const env = parse({ SMTP_URL: 'smtps://desk:secret@mail.example.org:465', MAIL_FROM: 'news@example.org', MAIL_DIGEST_HOUR: '18' });
    expect(env).toMatchObject({ SMTP_URL: 'smtps://desk:secret@mail.example.org:465', MAIL_FROM: 'news@example.org', MAIL_DIGEST_HOUR: 18 });
    expect(parse({}).SMTP_URL).toBeUndefined();
    expect(parse({}).MAIL_DIGEST_HOUR).toBe(7);
  });

  it('reads the values it is given, resolving a relative DATA_DIR and keeping an absolute one', () => {
    const env = parse({
      PORT: '8080',
      DATA_DIR: 'var/dateline',
      AUTH_SECRET: SECRET,
      ADMIN_EMAIL: 'chief@newsroom.org',
      ADMIN_PASSWORD: 'a long admin password',
      DEMO: '0',
      NEWSROOM_TIMEZONE: 'Europe/Moscow',
    });
    expect(env).toMatchObject({ PORT: 8080, DEMO: '0', NEWSROOM_TIMEZONE: 'Europe/Moscow', AUTH_SECRET: SECRET });
    expect(env.dataDir).toBe(path.resolve('var/dateline'));
    expect(parse({ DATA_DIR: '/srv/dateline' }).dataDir).toBe('/srv/dateline');
  });

  it('treats an empty string as unset', () => {
    const env = parse({ PORT: '', DATA_DIR: '', DEMO: '', NEWSROOM_TIMEZONE: '', AUTH_SECRET: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO: '1', NEWSROOM_TIMEZONE: 'UTC' });
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it.each([
    [{ NEWSROOM_TIMEZONE: 'Mars/Olympus_Mons' }, 'NEWSROOM_TIMEZONE: NEWSROOM_TIMEZONE must be an IANA time zone'],
    [{ AUTH_SECRET: 'too-short' }, 'AUTH_SECRET: AUTH_SECRET must be at least 32 characters'],
    [{ ADMIN_EMAIL: 'chief@newsroom.org' }, 'ADMIN_EMAIL: Set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither'],
    [{ ADMIN_PASSWORD: 'a long admin password' }, 'ADMIN_EMAIL: Set ADMIN_EMAIL and ADMIN_PASSWORD together, or neither'],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'a long admin password' }, 'ADMIN_EMAIL: ADMIN_EMAIL must be an email address'],
    [{ ADMIN_EMAIL: 'chief@newsroom.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD: ADMIN_PASSWORD must be at least 12 characters'],
    [{ DEMO: '2' }, 'DEMO: DEMO must be 0 or 1'],
    [{ SITE_URL: 'ftp://news.example.org' }, 'SITE_URL: SITE_URL must be the http(s) address readers use'],
    [{ SITE_URL: 'news.example.org' }, 'SITE_URL: SITE_URL must be the http(s) address readers use'],
    [{ SITE_LANGUAGE: 'English' }, 'SITE_LANGUAGE: SITE_LANGUAGE must be a language tag'],
    [{ SESSION_MAX_AGE_HOURS: 'a day' }, 'SESSION_MAX_AGE_HOURS: SESSION_MAX_AGE_HOURS must be a number of hours'],
    [{ SESSION_MAX_AGE_HOURS: '0' }, 'SESSION_MAX_AGE_HOURS: SESSION_MAX_AGE_HOURS must be more than 0'],
    [{ SESSION_MAX_AGE_HOURS: '1000' }, 'SESSION_MAX_AGE_HOURS: SESSION_MAX_AGE_HOURS must be at most 720'],
    [{ SESSION_IDLE_MINUTES: '2' }, 'SESSION_IDLE_MINUTES: SESSION_IDLE_MINUTES must be at least 5'],
    [{ SESSION_IDLE_MINUTES: '7.5' }, 'SESSION_IDLE_MINUTES: SESSION_IDLE_MINUTES must be a whole number of minutes'],
    [{ SESSION_MAX_AGE_HOURS: '1', SESSION_IDLE_MINUTES: '90' }, 'SESSION_IDLE_MINUTES: SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_AGE_HOURS'],
    [{ SCHEDULER_INTERVAL_SECONDS: '0' }, 'SCHEDULER_INTERVAL_SECONDS: SCHEDULER_INTERVAL_SECONDS must be at least 1'],
    [{ SCHEDULER_INTERVAL_SECONDS: '2.5' }, 'SCHEDULER_INTERVAL_SECONDS: SCHEDULER_INTERVAL_SECONDS must be a whole number of seconds'],
    [{ SCHEDULER_INTERVAL_SECONDS: '600' }, 'SCHEDULER_INTERVAL_SECONDS: SCHEDULER_INTERVAL_SECONDS must be at most 60'],
    [{ CDN_PURGE_URLS: 'varnish:6081' }, 'CDN_PURGE_URLS.0: CDN_PURGE_URLS must be http(s) addresses'],
    [{ PUBLIC_CACHE_MAX_MB: '0' }, 'PUBLIC_CACHE_MAX_MB: PUBLIC_CACHE_MAX_MB must be at least 1'],
    [{ SOURCE_MAPS: 'yes' }, 'SOURCE_MAPS: SOURCE_MAPS must be 0 or 1'],
    [{ SMTP_URL: 'mail.example.org:25', MAIL_FROM: 'news@example.org' }, 'SMTP_URL: SMTP_URL must be an smtp:// or smtps:// address'],
    [{ SMTP_URL: 'smtp://mail.example.org' }, 'MAIL_FROM: Set MAIL_FROM, the address mail is sent from, together with SMTP_URL'],
    [{ MAIL_FROM: 'Newsroom <news@example.org>' }, 'MAIL_FROM: MAIL_FROM must be an email address'],
    [{ MAIL_DIGEST_HOUR: '24' }, 'MAIL_DIGEST_HOUR: MAIL_DIGEST_HOUR must be from 0 to 23'],
    [{ PORT: 'eighty' }, 'PORT:'],
    [{ PORT: '70000' }, 'PORT:'],
  ])('refuses %o with a message naming the variable', (vars, expected) => {
    expect(() => parse(vars)).toThrow(expected);
    expect(() => parse(vars)).toThrow(/^Dateline cannot start, the environment is invalid:\n/);
  });

  it('lists every problem at once', () => {
    expect(() => parse({ DEMO: 'yes', AUTH_SECRET: 'short' })).toThrow(
      /AUTH_SECRET: AUTH_SECRET must be at least 32 characters[\s\S]*\n {2}DEMO: DEMO must be 0 or 1/,
    );
  });
});
