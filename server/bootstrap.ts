import 'server-only';
import { count } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { seedDemo } from '@/server/demo/seed-demo';
import { installPublicVersionHook } from '@/server/public/public-version';
import { startScheduler } from '@/server/scheduler';
import { env } from '@/server/env';
import { log } from '@/server/log/logger';
import { SYSTEM } from '@/server/policy';
import { createUser } from '@/server/users/create-user';
import { countAdmins } from '@/server/users/queries';

/**
 * Runs once as the server starts, before it serves: validates the environment, applies pending
 * migrations, creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD, seeds the demo newsroom
 * into an empty database unless DEMO=0, connects the public page cache to the database, and starts
 * the scheduler.
 */
export async function bootstrap(): Promise<void> {
  const config = env();
  const db = getDb();
  const emptyAtStart = db.select({ n: count() }).from(users).get()?.n === 0;

  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD && countAdmins() === 0) {
    await createUser(SYSTEM, { email: config.ADMIN_EMAIL, name: 'Administrator', role: 'admin', password: config.ADMIN_PASSWORD });
    log.info({ email: config.ADMIN_EMAIL }, 'created the first admin');
  }

  if (config.DEMO === '1' && emptyAtStart) {
    const credentials = await seedDemo();
    // Not a log line: the quick start shows a person the demo passwords once, on the terminal.
    // Logs never carry passwords; set DEMO=0 wherever stdout goes to a log store.
    const lines = credentials.map((c) => `  ${c.role.padEnd(12)} ${c.email.padEnd(28)} ${c.password}`);
    console.log(
      [
        '',
        'Dateline: seeded a demo newsroom. These passwords are shown once; sign in at /login:',
        ...lines,
        '  (set DEMO=0 to start with an empty newsroom)',
        '',
      ].join('\n'),
    );
  }

  installPublicVersionHook();
  startScheduler();
}

/** A bad environment or an unmigratable database stops the server with its message, not a stack. */
export async function bootstrapOrExit(): Promise<void> {
  try {
    await bootstrap();
  } catch (error) {
    log.fatal({ err: error }, error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
