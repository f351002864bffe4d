import { startSuiteMailServer } from './mail';
import { startVarnish } from './varnish';

/** Services the whole run shares, started by the suite itself and stopped when it ends. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stopVarnish = startVarnish();
  const stopMail = await startSuiteMailServer();
  return async () => {
    stopVarnish();
    await stopMail();
  };
}
