import { startMailServer } from './mail';
import { startVarnish } from './varnish';

/** Services the whole run shares, started by the suite itself and stopped when it ends. */
export default function globalSetup(): () => Promise<void> {
  const stopVarnish = startVarnish();
  const stopMail = startMailServer();
  return async () => {
    stopVarnish();
    await stopMail();
  };
}
