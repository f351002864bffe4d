import { startVarnish } from './varnish';

/** Services the whole run shares, started by the suite itself and stopped when it ends. */
export default function globalSetup(): () => void {
  return startVarnish();
}
